// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Parameterized} from "../common/Parameterized.sol";
import {IDeveloperPrograms} from "../interfaces/IDeveloperPrograms.sol";
import {IFeeRouter} from "../interfaces/IFeeRouter.sol";
import {IParameterized} from "../interfaces/IParameterized.sol";
import {MarketKeys} from "../libraries/MarketKeys.sol";
import {BPS} from "../common/Constants.sol";

/// @title DeveloperPrograms
/// @notice Paid applications (70/30 through the fee split), the open-source flag, integration grants and bounties,
/// each paid from tokens transferred in, never minted. Immutable, AccessManaged.
contract DeveloperPrograms is IDeveloperPrograms, Parameterized, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev The governed numbers in one slot.
    struct Config {
        uint16 appDeveloperBps;
        uint120 integrationGrantCap;
        uint120 approverCapPerPeriod;
    }

    /// @dev An approver's acceptances in its last active period and the one before it, one slot.
    struct ApproverState {
        uint32 period;
        uint112 accepted;
        uint112 previous;
    }

    /// @dev A developer's grant total and flag, one slot.
    struct DeveloperState {
        uint128 granted;
        bool openSource;
    }

    /// @inheritdoc IDeveloperPrograms
    uint256 public constant MAX_GRANT_DURATION = 4 * 365 days;
    /// @inheritdoc IDeveloperPrograms
    uint256 public constant APPROVAL_PERIOD = 30 days;
    uint8 private constant OPEN = 0;
    uint8 private constant ACCEPTED = 1;
    uint8 private constant PAID = 2;
    uint8 private constant CANCELLED = 3;

    IERC20 private immutable _TOKEN;
    IFeeRouter private immutable _ROUTER;

    Config private _config;
    GrantBudget private _budget;
    uint256 private _appCount;
    uint256 private _grantCount;
    uint256 private _bountyCount;
    mapping(uint256 appId => App) private _apps;
    mapping(uint256 grantId => Grant) private _grants;
    mapping(uint256 bountyId => Bounty) private _bounties;
    mapping(address developer => DeveloperState) private _developers;
    mapping(address approver => ApproverState) private _approvers;

    /// @notice Deploys the programs with empty budgets.
    /// @param token_ The market's token.
    /// @param router_ The fee router splitting the protocol's part of app sales.
    /// @param authority The preset's AccessManager.
    /// @param p Initial governed numbers (the preset).
    constructor(IERC20 token_, IFeeRouter router_, address authority, Parameters memory p) AccessManaged(authority) {
        if (address(token_) == address(0) || address(router_) == address(0)) revert ZeroAddress();
        if (p.appDeveloperBps > BPS || p.integrationGrantCap == 0 || p.approverCapPerPeriod == 0) {
            revert InvalidConfiguration();
        }
        _TOKEN = token_;
        _ROUTER = router_;
        _config = Config({
            appDeveloperBps: uint16(p.appDeveloperBps),
            integrationGrantCap: SafeCast.toUint120(p.integrationGrantCap),
            approverCapPerPeriod: SafeCast.toUint112(p.approverCapPerPeriod)
        });
    }

    // ------------------------------------------------------------------ paid applications

    /// @inheritdoc IDeveloperPrograms
    function listApp(uint256 price) external returns (uint256 appId) {
        if (price == 0) revert ZeroAmount();
        appId = ++_appCount;
        _apps[appId] = App({developer: msg.sender, price: SafeCast.toUint128(price)});
        emit AppListed(appId, msg.sender, price);
    }

    /// @inheritdoc IDeveloperPrograms
    function setAppPrice(uint256 appId, uint256 price) external {
        App storage a = _apps[appId];
        if (a.developer != msg.sender) revert NotAppDeveloper(appId, msg.sender, a.developer);
        a.price = SafeCast.toUint128(price);
        emit AppPriceSet(appId, price);
    }

    /// @inheritdoc IDeveloperPrograms
    function buyApp(
        uint256 appId,
        uint256 maxPrice
    ) external nonReentrant returns (uint256 toDeveloper, uint256 toProtocol) {
        App memory a = _apps[appId];
        if (a.price == 0) revert AppNotForSale(appId);
        if (a.price > maxPrice) revert AppPriceAboveMax(appId, a.price, maxPrice);
        // The developer's share rounds down, so the protocol's part rounds up.
        toDeveloper = Math.mulDiv(a.price, _config.appDeveloperBps, BPS);
        toProtocol = a.price - toDeveloper;
        emit AppPurchased(appId, msg.sender, a.developer, toDeveloper, toProtocol);
        _TOKEN.safeTransferFrom(msg.sender, address(this), a.price);
        if (toDeveloper != 0) _TOKEN.safeTransfer(a.developer, toDeveloper);
        if (toProtocol != 0) {
            _TOKEN.forceApprove(address(_ROUTER), toProtocol);
            _ROUTER.routeFee(toProtocol);
        }
    }

    // ------------------------------------------------------------------ open source

    /// @inheritdoc IDeveloperPrograms
    function setOpenSource(address developer) external restricted {
        _setOpenSource(developer, true);
    }

    /// @inheritdoc IDeveloperPrograms
    function revokeOpenSource(address developer) external restricted {
        _setOpenSource(developer, false);
    }

    // ------------------------------------------------------------------ grants

    /// @inheritdoc IDeveloperPrograms
    function fundGrants(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        _budget.funded = SafeCast.toUint128(_budget.funded + amount);
        emit GrantsFunded(msg.sender, amount);
        _TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IDeveloperPrograms
    function createGrant(address recipient, uint256 amount, uint256 duration) external restricted returns (uint256) {
        if (recipient == address(0) || recipient == address(this)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        if (duration > MAX_GRANT_DURATION) revert GrantDurationTooLong(duration, MAX_GRANT_DURATION);
        DeveloperState storage d = _developers[recipient];
        uint256 cap = _capOf(d);
        if (d.granted + amount > cap) revert GrantAboveCap(recipient, d.granted, amount, cap);
        GrantBudget memory b = _budget;
        uint256 free = b.funded - b.paid - b.committed;
        if (amount > free) revert InsufficientGrantBudget(amount, free);

        // amount <= cap (uint120) and <= free (within uint128).
        d.granted += uint128(amount);
        _budget.committed = b.committed + uint128(amount);
        uint256 grantId = ++_grantCount;
        _grants[grantId] = Grant({
            recipient: recipient,
            start: SafeCast.toUint48(block.timestamp),
            duration: uint48(duration),
            amount: uint128(amount),
            claimed: 0
        });
        emit GrantCreated(grantId, recipient, amount, block.timestamp, duration);
        return grantId;
    }

    /// @inheritdoc IDeveloperPrograms
    function claimGrant(uint256 grantId) external nonReentrant returns (uint256 amount) {
        Grant storage g = _grants[grantId];
        address recipient = g.recipient;
        if (recipient == address(0)) revert UnknownGrant(grantId);
        uint256 vested = _vested(g);
        amount = vested - g.claimed;
        if (amount == 0) revert NothingToClaim(grantId);
        // vested <= g.amount (uint128); amount is part of committed.
        g.claimed = uint128(vested);
        _budget.committed -= uint128(amount);
        _budget.paid += uint128(amount);
        emit GrantClaimed(grantId, recipient, amount);
        _TOKEN.safeTransfer(recipient, amount);
    }

    /// @inheritdoc IDeveloperPrograms
    function cancelGrant(uint256 grantId) external restricted {
        Grant storage g = _grants[grantId];
        if (g.recipient == address(0)) revert UnknownGrant(grantId);
        uint256 vested = _vested(g);
        uint256 released = g.amount - vested;
        if (released == 0) revert GrantNotCancellable(grantId);
        // The grant now pays exactly what had vested; released <= amount - claimed, part of committed and granted.
        g.amount = uint128(vested);
        g.duration = 0;
        _budget.committed -= uint128(released);
        _developers[g.recipient].granted -= uint128(released);
        emit GrantCancelled(grantId, released);
    }

    // ------------------------------------------------------------------ bounties

    /// @inheritdoc IDeveloperPrograms
    function postBounty(address approver, uint256 reward) external nonReentrant returns (uint256 bountyId) {
        if (approver == address(0)) revert ZeroAddress();
        if (reward == 0) revert ZeroAmount();
        bountyId = ++_bountyCount;
        _bounties[bountyId] = Bounty({
            poster: msg.sender,
            approver: approver,
            worker: address(0),
            reward: SafeCast.toUint128(reward),
            status: OPEN
        });
        emit BountyPosted(bountyId, msg.sender, approver, reward);
        _TOKEN.safeTransferFrom(msg.sender, address(this), reward);
    }

    /// @inheritdoc IDeveloperPrograms
    function acceptBounty(uint256 bountyId, address worker) external {
        Bounty storage b = _bounties[bountyId];
        if (b.poster == address(0) || b.status != OPEN) revert BountyNotInStatus(bountyId, b.status, OPEN);
        if (msg.sender != b.approver) revert NotBountyApprover(bountyId, msg.sender, b.approver);
        if (worker == address(0)) revert ZeroAddress();
        if (worker == b.approver || worker == b.poster) revert SelfAcceptance(bountyId, worker);
        // An acceptance counts against the cap in its period and the next, so any 30 days (which span at most two
        // periods) see at most the cap: a calendar window alone would let the cap pass twice across a period's edge.
        uint256 period = block.timestamp / APPROVAL_PERIOD;
        (uint256 current, uint256 previous) = _approverWindow(_approvers[msg.sender], period);
        uint256 cap = _config.approverCapPerPeriod;
        if (previous + current + b.reward > cap) {
            revert ApproverCapExceeded(msg.sender, previous + current, b.reward, cap);
        }
        // current + reward <= cap (uint112); the period fits uint32 for 350 billion years.
        _approvers[msg.sender] = ApproverState({
            period: uint32(period),
            accepted: uint112(current + b.reward),
            previous: uint112(previous)
        });
        b.worker = worker;
        b.status = ACCEPTED;
        emit BountyAccepted(bountyId, msg.sender, worker);
    }

    /// @inheritdoc IDeveloperPrograms
    function claimBounty(uint256 bountyId) external nonReentrant returns (uint256 reward) {
        Bounty storage b = _bounties[bountyId];
        if (b.status != ACCEPTED) revert BountyNotInStatus(bountyId, b.status, ACCEPTED);
        b.status = PAID;
        reward = b.reward;
        address worker = b.worker;
        emit BountyClaimed(bountyId, worker, reward);
        _TOKEN.safeTransfer(worker, reward);
    }

    /// @inheritdoc IDeveloperPrograms
    function cancelBounty(uint256 bountyId) external nonReentrant {
        Bounty storage b = _bounties[bountyId];
        if (b.poster == address(0) || b.status != OPEN) revert BountyNotInStatus(bountyId, b.status, OPEN);
        if (msg.sender != b.poster) revert NotBountyPoster(bountyId, msg.sender, b.poster);
        b.status = CANCELLED;
        uint256 reward = b.reward;
        emit BountyCancelled(bountyId, reward);
        _TOKEN.safeTransfer(msg.sender, reward);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IDeveloperPrograms
    function app(uint256 appId) external view returns (App memory) {
        return _apps[appId];
    }

    /// @inheritdoc IDeveloperPrograms
    function isOpenSource(address developer) external view returns (bool) {
        return _developers[developer].openSource;
    }

    /// @inheritdoc IDeveloperPrograms
    function grantCapOf(address account) external view returns (uint256) {
        return _capOf(_developers[account]);
    }

    /// @inheritdoc IDeveloperPrograms
    function grantedTo(address account) external view returns (uint256) {
        return _developers[account].granted;
    }

    /// @inheritdoc IDeveloperPrograms
    function grant(uint256 grantId) external view returns (Grant memory) {
        return _grants[grantId];
    }

    /// @inheritdoc IDeveloperPrograms
    function claimableGrant(uint256 grantId) external view returns (uint256) {
        Grant storage g = _grants[grantId];
        return _vested(g) - g.claimed;
    }

    /// @inheritdoc IDeveloperPrograms
    function grantBudget() external view returns (GrantBudget memory) {
        return _budget;
    }

    /// @inheritdoc IDeveloperPrograms
    function bounty(uint256 bountyId) external view returns (Bounty memory) {
        return _bounties[bountyId];
    }

    /// @inheritdoc IDeveloperPrograms
    function acceptedThisPeriod(address approver) external view returns (uint256) {
        (uint256 current, ) = _approverWindow(_approvers[approver], block.timestamp / APPROVAL_PERIOD);
        return current;
    }

    /// @inheritdoc IDeveloperPrograms
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc IDeveloperPrograms
    function feeRouter() external view returns (address) {
        return address(_ROUTER);
    }

    // ------------------------------------------------------------------ parameters

    /// @inheritdoc IParameterized
    function parameter(bytes32 key) external view returns (uint256) {
        Config memory c = _config;
        if (key == MarketKeys.APP_DEVELOPER_BPS) return c.appDeveloperBps;
        if (key == MarketKeys.INTEGRATION_GRANT_CAP) return c.integrationGrantCap;
        if (key == MarketKeys.APPROVER_CAP_PER_PERIOD) return c.approverCapPerPeriod;
        revert UnknownParameter(key);
    }

    function _setParameter(bytes32 key, uint256 value) internal override {
        if (key == MarketKeys.APP_DEVELOPER_BPS) {
            _config.appDeveloperBps = uint16(_atMost(key, value, BPS));
        } else if (key == MarketKeys.INTEGRATION_GRANT_CAP) {
            if (value == 0) revert InvalidParameterValue(key, value);
            _config.integrationGrantCap = uint120(_atMost(key, value, type(uint120).max));
        } else if (key == MarketKeys.APPROVER_CAP_PER_PERIOD) {
            if (value == 0) revert InvalidParameterValue(key, value);
            _config.approverCapPerPeriod = uint120(_atMost(key, value, type(uint112).max));
        } else {
            revert UnknownParameter(key);
        }
    }

    // ------------------------------------------------------------------ internals

    function _setOpenSource(address developer, bool flag) private {
        if (developer == address(0)) revert ZeroAddress();
        _developers[developer].openSource = flag;
        emit OpenSourceSet(developer, flag);
    }

    /// @dev An approver's acceptances in `period` and in the period before it.
    function _approverWindow(
        ApproverState memory s,
        uint256 period
    ) private pure returns (uint256 current, uint256 previous) {
        if (s.period == period) return (s.accepted, s.previous);
        if (uint256(s.period) + 1 == period) return (0, s.accepted);
        return (0, 0);
    }

    /// @dev The integration cap, doubled for open-source developers.
    function _capOf(DeveloperState storage d) private view returns (uint256) {
        uint256 cap = _config.integrationGrantCap;
        return d.openSource ? 2 * cap : cap;
    }

    /// @dev What a grant has vested by now, rounded down.
    function _vested(Grant storage g) private view returns (uint256) {
        uint256 amount = g.amount;
        uint256 duration = g.duration;
        uint256 elapsed = block.timestamp - g.start;
        if (duration == 0 || elapsed >= duration) return amount;
        return Math.mulDiv(amount, elapsed, duration);
    }
}
