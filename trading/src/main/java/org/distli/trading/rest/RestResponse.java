package org.distli.trading.rest;

/** An HTTP answer of the REST views: a status and a JSON body ({@code application/json}). */
public record RestResponse(int status, String body) {
  public static final String CONTENT_TYPE = "application/json";
}
