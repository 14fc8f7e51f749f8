// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// The slice of ERC-20 the order book uses.
interface IERC20Like {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// @title A limit order book with price-time priority.
///
/// A market trades a base asset (an ERC-20 token, which names the market) against a quote asset:
/// the native coin (quote = address(0)) or another ERC-20. Markets are listed by the owner.
///
/// Units. Quantities are in the base token's smallest unit. A price is the number of the quote
/// asset's smallest units paid for one whole base token (10^baseDecimals base units), so a buy of
/// `quantity` at `price` costs `quantity * price / 10^baseDecimals` quote units. Each market has a
/// lot size (quantities are multiples of it) and a tick size (prices are multiples of it) whose
/// product is a multiple of 10^baseDecimals: every quote amount is then an exact integer, for the
/// whole order and for every partial fill, and nothing is ever rounded. Quantities and prices fit in
/// 96 bits.
///
/// Matching. An order first takes liquidity from the opposite side at the resting orders' prices,
/// best price first and oldest first within a price, filling partially where quantities differ;
/// what is left rests on the book at the order's limit price. At most MAX_MATCHES_PER_ORDER resting
/// orders are filled by one call; if the remainder would still cross the book after that, it is
/// cancelled and refunded (an OrderCancelled event) rather than left crossing the book.
///
/// Escrow. A resting buy holds quantity * price of the quote asset, a resting sell holds its base
/// quantity; a cancel returns what is left of it. A buy that fills at better prices than its limit
/// gets the difference back at once.
///
/// Payments. ERC-20 amounts are transferred at once (a failing transfer reverts the whole call).
/// Native coin is pushed with the 2300-gas stipend of `send`; if the receiver rejects it, the
/// amount is credited to `withdrawable` (PaymentDeferred) and taken out later with `withdraw()`,
/// so a receiver that reverts can never block matching or cancels.
///
/// Gas. Price levels are a doubly linked list sorted by price, each holding a FIFO queue of orders:
/// matching pops from the head of the best level, a cancel unlinks in O(1). Inserting at a new
/// price walks the list from the best price (or from `hintPrice` given to placeOrder) and visits at
/// most MAX_LEVEL_SCAN levels, so one call costs at most a constant plus MAX_MATCHES_PER_ORDER
/// fills plus MAX_LEVEL_SCAN level reads.
contract OrderBook {
    uint256 public constant MAX_MATCHES_PER_ORDER = 32;
    uint256 public constant MAX_LEVEL_SCAN = 128;
    /// Trades kept per market for getTrades; the full history is in the Trade events.
    uint256 public constant TRADE_HISTORY = 256;
    /// Orders per side returned by getOrderBook.
    uint256 public constant BOOK_VIEW_DEPTH = 100;
    uint256 private constant MAX_DECIMALS = 36;

    enum Status {
        None,
        Open,
        Filled,
        Cancelled
    }

    struct Order {
        address trader;
        uint96 price;
        address asset;
        uint96 remaining;
        uint96 quantity;
        uint48 prev;
        uint48 next;
        bool isBuy;
        Status status;
    }

    /// A price level: its neighbours in the sorted list (0 = none) and its FIFO queue of orders.
    struct Level {
        uint96 better;
        uint96 worse;
        uint48 head;
        uint48 tail;
    }

    struct TradeRecord {
        address buyer;
        uint96 quantity;
        address seller;
        uint96 price;
        uint40 time;
    }

    struct Market {
        address quote;
        uint8 baseDecimals;
        bool listed;
        uint128 lotSize;
        uint128 tickSize;
        uint96 bestBid;
        uint96 bestAsk;
        uint64 tradeCount;
        mapping(uint256 => Level) bids;
        mapping(uint256 => Level) asks;
        mapping(uint256 => TradeRecord) trades;
    }

    struct OrderInfo {
        uint256 id;
        address trader;
        address asset;
        bool isBuy;
        uint256 price;
        uint256 quantity;
        uint256 filled;
        Status status;
    }

    struct BookEntry {
        uint256 id;
        uint256 price;
        uint256 quantity;
        address trader;
    }

    struct TradeInfo {
        uint256 price;
        uint256 quantity;
        address buyer;
        address seller;
        uint256 time;
    }

    struct MarketInfo {
        bool listed;
        address quote;
        uint8 baseDecimals;
        uint256 lotSize;
        uint256 tickSize;
        uint256 bestBid;
        uint256 bestAsk;
        uint256 tradeCount;
    }

    address public owner;
    uint48 public nextOrderId;
    mapping(address => Market) private markets;
    mapping(uint256 => Order) private orders;
    /// Native coin whose push failed, claimable with withdraw().
    mapping(address => uint256) public withdrawable;
    address[] private assets;
    bool private transient locked;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event MarketListed(
        address indexed asset, address indexed quote, uint8 baseDecimals, uint256 lotSize, uint256 tickSize
    );
    event OrderPlaced(
        uint256 indexed orderId, address indexed trader, address indexed asset, bool isBuy, uint256 price, uint256 quantity
    );
    event Trade(
        address indexed asset,
        address indexed buyer,
        address indexed seller,
        uint256 buyOrderId,
        uint256 sellOrderId,
        uint256 price,
        uint256 quantity,
        bool buyerIsTaker
    );
    /// `unfilled` is the quantity taken off the book and refunded.
    event OrderCancelled(uint256 indexed orderId, address indexed trader, address indexed asset, uint256 unfilled);
    event PaymentDeferred(address indexed account, uint256 amount);
    event Withdrawal(address indexed account, uint256 amount);

    error NotOwner();
    error Reentrancy();
    error InvalidMarket(address asset, address quote);
    error UnknownMarket(address asset);
    error InvalidQuantity(uint256 quantity, uint256 lotSize);
    error InvalidPrice(uint256 price, uint256 tickSize);
    error WrongValue(uint256 expected, uint256 sent);
    error NotOrderOwner(uint256 orderId);
    error OrderNotOpen(uint256 orderId);
    error PriceSearchTooLong(uint256 price);
    error NothingToWithdraw();
    error TransferFailed(address token, address to, uint256 amount);

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    modifier nonReentrant() {
        if (locked) revert Reentrancy();
        locked = true;
        _;
        locked = false;
    }

    constructor() {
        owner = msg.sender;
        nextOrderId = 1;
        emit OwnershipTransferred(address(0), msg.sender);
    }

    // ---------------------------------------------------------------- administration

    function transferOwnership(address newOwner) external onlyOwner {
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    /// Lists a market for `asset` against `quote` (address(0) = the native coin).
    function listMarket(address asset, address quote, uint128 lotSize, uint128 tickSize) external onlyOwner {
        Market storage m = markets[asset];
        if (m.listed || asset == address(0) || asset == quote || asset.code.length == 0) {
            revert InvalidMarket(asset, quote);
        }
        if (quote != address(0) && quote.code.length == 0) revert InvalidMarket(asset, quote);
        (bool ok, bytes memory data) = asset.staticcall(abi.encodeWithSignature("decimals()"));
        if (!ok || data.length < 32) revert InvalidMarket(asset, quote);
        uint256 decimals = abi.decode(data, (uint256));
        if (decimals > MAX_DECIMALS || lotSize == 0 || tickSize == 0) revert InvalidMarket(asset, quote);
        if ((uint256(lotSize) * tickSize) % (10 ** decimals) != 0) revert InvalidMarket(asset, quote);
        m.listed = true;
        m.quote = quote;
        m.baseDecimals = uint8(decimals);
        m.lotSize = lotSize;
        m.tickSize = tickSize;
        assets.push(asset);
        emit MarketListed(asset, quote, uint8(decimals), lotSize, tickSize);
    }

    // ---------------------------------------------------------------- trading

    /// Places a buy limit order; pay quantity * price / 10^baseDecimals as value in a native market.
    function buy(address asset, uint256 quantity, uint256 price) external payable nonReentrant returns (uint256) {
        return _place(asset, true, quantity, price, 0);
    }

    /// Places a sell limit order; the base quantity is pulled with transferFrom (approve it first).
    function sell(address asset, uint256 quantity, uint256 price) external nonReentrant returns (uint256) {
        return _place(asset, false, quantity, price, 0);
    }

    /// buy or sell with a hint: an existing price level of the same side near `price`, where the
    /// search for the new level's place starts instead of at the best price.
    function placeOrder(address asset, bool isBuy, uint256 quantity, uint256 price, uint256 hintPrice)
        external
        payable
        nonReentrant
        returns (uint256)
    {
        return _place(asset, isBuy, quantity, price, hintPrice);
    }

    /// Cancels an open order of the caller and refunds its unfilled escrow.
    function cancel(uint256 orderId) external nonReentrant {
        Order storage o = orders[orderId];
        if (o.status != Status.Open) revert OrderNotOpen(orderId);
        if (o.trader != msg.sender) revert NotOrderOwner(orderId);
        address asset = o.asset;
        Market storage m = markets[asset];
        bool isBuy = o.isBuy;
        uint256 unfilled = o.remaining;
        uint256 price = o.price;
        _unlink(m, o, isBuy);
        o.status = Status.Cancelled;
        emit OrderCancelled(orderId, msg.sender, asset, unfilled);

        if (isBuy) {
            _pay(m.quote, msg.sender, unfilled * price / 10 ** m.baseDecimals);
        } else {
            _pay(asset, msg.sender, unfilled);
        }
    }

    /// Sends the caller the native coin credited to it when a push failed.
    function withdraw() external nonReentrant {
        uint256 amount = withdrawable[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        withdrawable[msg.sender] = 0;
        emit Withdrawal(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed(address(0), msg.sender, amount);
    }

    // ---------------------------------------------------------------- views

    function getOrder(uint256 orderId) external view returns (OrderInfo memory) {
        Order storage o = orders[orderId];
        return OrderInfo({
            id: o.status == Status.None ? 0 : orderId,
            trader: o.trader,
            asset: o.asset,
            isBuy: o.isBuy,
            price: o.price,
            quantity: o.quantity,
            filled: o.quantity - o.remaining,
            status: o.status
        });
    }

    /// The resting orders, best price first and oldest first within a price, up to BOOK_VIEW_DEPTH
    /// per side: bids highest first, asks lowest first.
    function getOrderBook(address asset) external view returns (BookEntry[] memory bids, BookEntry[] memory asks) {
        Market storage m = _market(asset);
        bids = _side(m.bids, m.bestBid);
        asks = _side(m.asks, m.bestAsk);
    }

    /// The latest trades of a market, newest first; at most TRADE_HISTORY.
    function getTrades(address asset, uint256 limit) external view returns (TradeInfo[] memory trades) {
        Market storage m = _market(asset);
        uint256 count = m.tradeCount;
        uint256 n = limit;
        if (n > count) n = count;
        if (n > TRADE_HISTORY) n = TRADE_HISTORY;
        trades = new TradeInfo[](n);
        for (uint256 i = 0; i < n; i++) {
            TradeRecord storage t = m.trades[(count - 1 - i) % TRADE_HISTORY];
            trades[i] = TradeInfo(t.price, t.quantity, t.buyer, t.seller, t.time);
        }
    }

    function getMarket(address asset) external view returns (MarketInfo memory) {
        Market storage m = markets[asset];
        return MarketInfo(m.listed, m.quote, m.baseDecimals, m.lotSize, m.tickSize, m.bestBid, m.bestAsk, m.tradeCount);
    }

    /// The base assets of every listed market, in listing order.
    function getMarkets() external view returns (address[] memory) {
        return assets;
    }

    /// The quote amount of `quantity` at `price` in the market of `asset`: what a buy escrows.
    function quoteAmount(address asset, uint256 quantity, uint256 price) external view returns (uint256) {
        return quantity * price / 10 ** _market(asset).baseDecimals;
    }

    // ---------------------------------------------------------------- internals

    function _market(address asset) private view returns (Market storage m) {
        m = markets[asset];
        if (!m.listed) revert UnknownMarket(asset);
    }

    /// A taker order while it is being matched (memory, to keep the stack shallow).
    struct Taking {
        uint256 orderId;
        address asset;
        bool isBuy;
        uint256 price;
        uint256 scale;
        uint256 remaining;
        uint256 quoteTotal; // paid by a buyer or earned by a seller
        uint256 matches;
        address[] payees;
        uint256[] amounts; // quote paid to each maker of a buy, base to each maker of a sell
    }

    function _place(address asset, bool isBuy, uint256 quantity, uint256 price, uint256 hintPrice)
        private
        returns (uint256)
    {
        Market storage m = _market(asset);
        if (quantity == 0 || quantity > type(uint96).max || quantity % m.lotSize != 0) {
            revert InvalidQuantity(quantity, m.lotSize);
        }
        if (price == 0 || price > type(uint96).max || price % m.tickSize != 0) revert InvalidPrice(price, m.tickSize);
        uint256 scale = 10 ** m.baseDecimals;
        if (isBuy && m.quote == address(0)) {
            uint256 cost = quantity * price / scale;
            if (msg.value != cost) revert WrongValue(cost, msg.value);
        } else if (msg.value != 0) {
            revert WrongValue(0, msg.value);
        }

        Taking memory t = Taking({
            orderId: nextOrderId++,
            asset: asset,
            isBuy: isBuy,
            price: price,
            scale: scale,
            remaining: quantity,
            quoteTotal: 0,
            matches: 0,
            payees: new address[](MAX_MATCHES_PER_ORDER),
            amounts: new uint256[](MAX_MATCHES_PER_ORDER)
        });
        emit OrderPlaced(t.orderId, msg.sender, asset, isBuy, price, quantity);

        // Effects: match against the opposite side, then rest or cancel the remainder.
        while (t.remaining > 0 && t.matches < MAX_MATCHES_PER_ORDER && _fillBest(m, t)) {}
        uint256 resting = _record(m, t, quantity, hintPrice);

        // Interactions: collect the escrow, pay the makers, deliver to the taker.
        _settle(m.quote, t, quantity - t.remaining, resting);
        return t.orderId;
    }

    /// Fills the oldest order at the best opposite price if it crosses the taker's limit.
    function _fillBest(Market storage m, Taking memory t) private returns (bool) {
        uint256 best = t.isBuy ? m.bestAsk : m.bestBid;
        if (best == 0 || (t.isBuy ? best > t.price : best < t.price)) return false;
        uint256 makerId = (t.isBuy ? m.asks[best] : m.bids[best]).head;
        Order storage maker = orders[makerId];
        uint256 makerRemaining = maker.remaining;
        uint256 fill = t.remaining < makerRemaining ? t.remaining : makerRemaining;
        uint256 quoteFill = fill * best / t.scale;
        t.remaining -= fill;
        t.quoteTotal += quoteFill;
        maker.remaining = uint96(makerRemaining - fill);
        if (makerRemaining == fill) {
            _unlink(m, maker, !t.isBuy);
            maker.status = Status.Filled;
        }
        address makerTrader = maker.trader;
        _trade(m, t, makerId, makerTrader, best, fill);
        t.payees[t.matches] = makerTrader;
        t.amounts[t.matches] = t.isBuy ? quoteFill : fill;
        t.matches++;
        return true;
    }

    /// Stores the taker order and rests its remainder, unless the match bound left it crossing the
    /// book, in which case the remainder is cancelled. Returns the quantity that rests.
    function _record(Market storage m, Taking memory t, uint256 quantity, uint256 hintPrice)
        private
        returns (uint256 resting)
    {
        Order storage o = orders[t.orderId];
        o.trader = msg.sender;
        o.asset = t.asset;
        o.isBuy = t.isBuy;
        o.price = uint96(t.price);
        o.quantity = uint96(quantity);
        o.remaining = uint96(t.remaining);
        if (t.remaining == 0) {
            o.status = Status.Filled;
            return 0;
        }
        uint256 best = t.isBuy ? m.bestAsk : m.bestBid;
        if (best != 0 && (t.isBuy ? best <= t.price : best >= t.price)) {
            o.status = Status.Cancelled;
            emit OrderCancelled(t.orderId, msg.sender, t.asset, t.remaining);
            return 0;
        }
        o.status = Status.Open;
        _insert(m, o, t.orderId, t.isBuy, t.price, hintPrice);
        return t.remaining;
    }

    function _settle(address quote, Taking memory t, uint256 filled, uint256 resting) private {
        if (t.isBuy) {
            uint256 due = t.quoteTotal + resting * t.price / t.scale;
            if (quote != address(0)) _pull(quote, due);
            for (uint256 i = 0; i < t.matches; i++) {
                _pay(quote, t.payees[i], t.amounts[i]);
            }
            if (filled > 0) _pay(t.asset, msg.sender, filled);
            // Price improvement, and a remainder cancelled by the match bound, go back at once.
            if (quote == address(0) && msg.value > due) _pay(address(0), msg.sender, msg.value - due);
        } else {
            _pull(t.asset, filled + resting);
            for (uint256 i = 0; i < t.matches; i++) {
                _pay(t.asset, t.payees[i], t.amounts[i]);
            }
            if (t.quoteTotal > 0) _pay(quote, msg.sender, t.quoteTotal);
        }
    }

    /// Emits a fill and keeps it in the market's ring of recent trades.
    function _trade(Market storage m, Taking memory t, uint256 makerId, address maker, uint256 price, uint256 fill)
        private
    {
        address buyer = t.isBuy ? msg.sender : maker;
        address seller = t.isBuy ? maker : msg.sender;
        uint64 count = m.tradeCount;
        m.trades[count % TRADE_HISTORY] = TradeRecord(buyer, uint96(fill), seller, uint96(price), uint40(block.timestamp));
        m.tradeCount = count + 1;
        emit Trade(
            t.asset, buyer, seller, t.isBuy ? t.orderId : makerId, t.isBuy ? makerId : t.orderId, price, fill, t.isBuy
        );
    }

    function _better(bool isBuy, uint256 a, uint256 b) private pure returns (bool) {
        return isBuy ? a > b : a < b;
    }

    /// Appends the order to its price level, creating the level in sorted position if needed.
    function _insert(Market storage m, Order storage o, uint256 orderId, bool isBuy, uint256 price, uint256 hint)
        private
    {
        mapping(uint256 => Level) storage side = isBuy ? m.bids : m.asks;
        Level storage level = side[price];
        uint48 id = uint48(orderId);
        if (level.head != 0) {
            uint48 tail = level.tail;
            orders[tail].next = id;
            o.prev = tail;
            level.tail = id;
            return;
        }
        uint256 start = (hint != 0 && side[hint].head != 0) ? hint : (isBuy ? m.bestBid : m.bestAsk);
        uint256 better = 0;
        uint256 worse = 0;
        uint256 steps = 0;
        if (start != 0) {
            if (_better(isBuy, start, price)) {
                better = start;
                worse = side[start].worse;
                while (worse != 0 && _better(isBuy, worse, price)) {
                    if (++steps > MAX_LEVEL_SCAN) revert PriceSearchTooLong(price);
                    better = worse;
                    worse = side[worse].worse;
                }
            } else {
                worse = start;
                better = side[start].better;
                while (better != 0 && _better(isBuy, price, better)) {
                    if (++steps > MAX_LEVEL_SCAN) revert PriceSearchTooLong(price);
                    worse = better;
                    better = side[better].better;
                }
            }
        }
        level.better = uint96(better);
        level.worse = uint96(worse);
        level.head = id;
        level.tail = id;
        if (better == 0) {
            if (isBuy) m.bestBid = uint96(price);
            else m.bestAsk = uint96(price);
        } else {
            side[better].worse = uint96(price);
        }
        if (worse != 0) side[worse].better = uint96(price);
    }

    /// Removes a resting order from its level's queue, and the level from the list when it empties.
    function _unlink(Market storage m, Order storage o, bool isBuy) private {
        mapping(uint256 => Level) storage side = isBuy ? m.bids : m.asks;
        uint256 price = o.price;
        Level storage level = side[price];
        uint48 prev = o.prev;
        uint48 next = o.next;
        if (prev != 0) orders[prev].next = next;
        else level.head = next;
        if (next != 0) orders[next].prev = prev;
        else level.tail = prev;
        o.prev = 0;
        o.next = 0;
        if (level.head == 0) {
            uint96 better = level.better;
            uint96 worse = level.worse;
            if (better != 0) {
                side[better].worse = worse;
            } else if (isBuy) {
                m.bestBid = worse;
            } else {
                m.bestAsk = worse;
            }
            if (worse != 0) side[worse].better = better;
            delete side[price];
        }
    }

    function _side(mapping(uint256 => Level) storage side, uint256 best)
        private
        view
        returns (BookEntry[] memory entries)
    {
        entries = new BookEntry[](BOOK_VIEW_DEPTH);
        uint256 n = 0;
        for (uint256 price = best; price != 0 && n < BOOK_VIEW_DEPTH; price = side[price].worse) {
            for (uint256 id = side[price].head; id != 0 && n < BOOK_VIEW_DEPTH; id = orders[id].next) {
                Order storage o = orders[id];
                entries[n++] = BookEntry(id, price, o.remaining, o.trader);
            }
        }
        assembly {
            mstore(entries, n) // shrink to the entries filled
        }
    }

    /// Pulls `amount` of an ERC-20 from the caller into escrow.
    function _pull(address token, uint256 amount) private {
        if (amount == 0) return;
        (bool ok, bytes memory data) =
            token.call(abi.encodeCall(IERC20Like.transferFrom, (msg.sender, address(this), amount)));
        if (!ok || (data.length != 0 && !abi.decode(data, (bool)))) revert TransferFailed(token, address(this), amount);
    }

    /// Pays out an ERC-20 (reverting on failure) or the native coin (crediting on failure).
    function _pay(address token, address to, uint256 amount) private {
        if (amount == 0) return;
        if (token == address(0)) {
            if (!payable(to).send(amount)) {
                withdrawable[to] += amount;
                emit PaymentDeferred(to, amount);
            }
            return;
        }
        (bool ok, bytes memory data) = token.call(abi.encodeCall(IERC20Like.transfer, (to, amount)));
        if (!ok || (data.length != 0 && !abi.decode(data, (bool)))) revert TransferFailed(token, to, amount);
    }
}
