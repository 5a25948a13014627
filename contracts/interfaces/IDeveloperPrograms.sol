// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IParameterized} from "./IParameterized.sol";

/// @title IDeveloperPrograms
/// @notice The developer programs of the inference market (QUIVer's developer incentives): paid applications (App Store
/// model, the developer takes 70% of a sale and the protocol's fee split the rest), the open-source flag (set by a
/// curator, revoked by governance; it doubles a developer's grant cap), integration grants (governance proposals
/// streamed linearly, capped per account) and bounties (SDK, documentation, bugs: posted with their funds, paid when
/// the named approver accepts the work).
/// @dev Nothing is minted: grants are paid from a budget transferred in with `fundGrants`, each bounty from the tokens
/// its poster transferred in. Invariant: the grant budget's `committed <= funded - paid`; the contract's balance
/// covers committed grants and open bounties. Every user action is O(1). Governed numbers (keys in `MarketKeys`) are
/// set through the ParameterRegistry.
interface IDeveloperPrograms is IParameterized {
    /// @notice Initial values of the governed numbers.
    /// @param appDeveloperBps A sale's share paid to the app's developer, bps (the rest goes through the fee split).
    /// @param integrationGrantCap Most an account may be granted in all, token wei (doubled when open source).
    /// @param approverCapPerPeriod Most one approver may accept in bounties in any `APPROVAL_PERIOD` (its current and
    /// previous periods together), token wei.
    struct Parameters {
        uint256 appDeveloperBps;
        uint256 integrationGrantCap;
        uint256 approverCapPerPeriod;
    }

    /// @notice A listed application.
    /// @param developer Who lists it and receives its share of each sale.
    /// @param price Price of one purchase, token wei (zero: delisted).
    struct App {
        address developer;
        uint128 price;
    }

    /// @notice A grant streamed linearly from `start` over `duration`.
    /// @param recipient Who claims it.
    /// @param start When streaming starts.
    /// @param duration Streaming length, seconds (zero: all at once).
    /// @param amount Total granted, token wei.
    /// @param claimed Paid so far.
    struct Grant {
        address recipient;
        uint48 start;
        uint48 duration;
        uint128 amount;
        uint128 claimed;
    }

    /// @notice A bounty.
    /// @param poster Who posted and funded it (and may cancel it before acceptance).
    /// @param approver Who accepts the work (governance or a curator it appointed).
    /// @param worker Who did the work, set at acceptance.
    /// @param reward Paid to the worker, token wei.
    /// @param status 0 open, 1 accepted, 2 paid, 3 cancelled.
    struct Bounty {
        address poster;
        address approver;
        address worker;
        uint128 reward;
        uint8 status;
    }

    /// @notice The grant budget's totals.
    /// @param funded Transferred in.
    /// @param committed Granted and not yet paid.
    /// @param paid Paid to recipients.
    struct GrantBudget {
        uint128 funded;
        uint128 committed;
        uint128 paid;
    }

    /// @notice An app was listed.
    /// @param appId The app.
    /// @param developer Its developer.
    /// @param price Price, token wei.
    event AppListed(uint256 indexed appId, address indexed developer, uint256 price);
    /// @notice An app's price changed (zero delists it).
    /// @param appId The app.
    /// @param price Price, token wei.
    event AppPriceSet(uint256 indexed appId, uint256 price);
    /// @notice An app was bought: `toDeveloper` to its developer, `toProtocol` through the fee split.
    /// @param appId The app.
    /// @param buyer Who paid.
    /// @param developer Its developer.
    /// @param toDeveloper Paid to the developer.
    /// @param toProtocol Routed through the fee split.
    event AppPurchased(
        uint256 indexed appId,
        address indexed buyer,
        address indexed developer,
        uint256 toDeveloper,
        uint256 toProtocol
    );
    /// @notice A developer's open-source flag changed.
    /// @param developer Its developer.
    /// @param openSource The new flag.
    event OpenSourceSet(address indexed developer, bool openSource);
    /// @notice Tokens were added to the grant budget.
    /// @param from Who funded.
    /// @param amount Token wei.
    event GrantsFunded(address indexed from, uint256 amount);
    /// @notice Governance granted `amount` to `recipient`, streamed over `duration` from `start`.
    /// @param grantId The grant.
    /// @param recipient Who claims it.
    /// @param amount Token wei.
    /// @param start When streaming starts.
    /// @param duration Streaming length, seconds.
    event GrantCreated(
        uint256 indexed grantId,
        address indexed recipient,
        uint256 amount,
        uint256 start,
        uint256 duration
    );
    /// @notice A grant's recipient claimed `amount`.
    /// @param grantId The grant.
    /// @param recipient Who claims it.
    /// @param amount Token wei.
    event GrantClaimed(uint256 indexed grantId, address indexed recipient, uint256 amount);
    /// @notice Governance cancelled a grant's unvested part, returned to the budget.
    /// @param grantId The grant.
    /// @param released Unvested tokens returned to the budget.
    event GrantCancelled(uint256 indexed grantId, uint256 released);
    /// @notice A bounty was posted with its reward.
    /// @param bountyId The bounty.
    /// @param poster Who posted and funded it.
    /// @param approver Who accepts the work.
    /// @param reward Token wei.
    event BountyPosted(uint256 indexed bountyId, address indexed poster, address indexed approver, uint256 reward);
    /// @notice The approver accepted `worker`'s work.
    /// @param bountyId The bounty.
    /// @param approver Who accepts the work.
    /// @param worker Who did the work.
    event BountyAccepted(uint256 indexed bountyId, address indexed approver, address indexed worker);
    /// @notice The worker was paid.
    /// @param bountyId The bounty.
    /// @param worker Who did the work.
    /// @param reward Token wei.
    event BountyClaimed(uint256 indexed bountyId, address indexed worker, uint256 reward);
    /// @notice The poster took back an open bounty's reward.
    /// @param bountyId The bounty.
    /// @param reward Token wei.
    event BountyCancelled(uint256 indexed bountyId, uint256 reward);

    /// @notice A zero amount or price.
    error ZeroAmount();
    /// @notice A zero address.
    error ZeroAddress();
    /// @notice Initial numbers outside what the code accepts.
    error InvalidConfiguration();
    /// @notice No app has this id, or it is delisted.
    error AppNotForSale(uint256 appId);
    /// @notice The app's price is above what the buyer accepts.
    error AppPriceAboveMax(uint256 appId, uint256 price, uint256 maxPrice);
    /// @notice The caller is not the app's developer.
    error NotAppDeveloper(uint256 appId, address caller, address developer);
    /// @notice The grant would take `recipient` above its cap.
    error GrantAboveCap(address recipient, uint256 granted, uint256 amount, uint256 cap);
    /// @notice The grant budget does not hold `amount` uncommitted.
    error InsufficientGrantBudget(uint256 amount, uint256 available);
    /// @notice A grant longer than `MAX_GRANT_DURATION`.
    error GrantDurationTooLong(uint256 duration, uint256 maximum);
    /// @notice No grant has this id.
    error UnknownGrant(uint256 grantId);
    /// @notice The grant has nothing vested and unpaid.
    error NothingToClaim(uint256 id);
    /// @notice The grant has no unvested part left to cancel.
    error GrantNotCancellable(uint256 grantId);
    /// @notice No bounty has this id, or it is not in the status the call needs.
    error BountyNotInStatus(uint256 bountyId, uint256 status, uint256 expected);
    /// @notice The caller is not the bounty's approver.
    error NotBountyApprover(uint256 bountyId, address caller, address approver);
    /// @notice The caller is not the bounty's poster.
    error NotBountyPoster(uint256 bountyId, address caller, address poster);
    /// @notice An approver may not accept its own work, nor a poster its own bounty's.
    error SelfAcceptance(uint256 bountyId, address worker);
    /// @notice The acceptance would take the approver's current and previous periods together (`accepted`) above
    /// its cap.
    error ApproverCapExceeded(address approver, uint256 accepted, uint256 reward, uint256 cap);

    // ------------------------------------------------------------------ paid applications

    /// @notice Lists an application for sale; the caller is its developer.
    /// @param price Price of one purchase, token wei (not zero).
    /// @return appId The new app's id (from 1).
    function listApp(uint256 price) external returns (uint256 appId);

    /// @notice Sets an app's price; zero delists it. Only its developer.
    /// @param appId The app.
    /// @param price The new price, token wei.
    function setAppPrice(uint256 appId, uint256 price) external;

    /// @notice Buys one use or licence of an app at its listed price: the developer receives `appDeveloperBps` of it
    /// rounded down, the fee router splits the rest (the protocol's share, rounded in its favour).
    /// @dev Pulls the price from the caller (approve first). `maxPrice` guards against a price raised in between.
    /// @param appId The app.
    /// @param maxPrice Most the caller accepts to pay.
    /// @return toDeveloper Paid to the developer.
    /// @return toProtocol Routed through the fee split.
    function buyApp(uint256 appId, uint256 maxPrice) external returns (uint256 toDeveloper, uint256 toProtocol);

    // ------------------------------------------------------------------ open source

    /// @notice Marks a developer's project open source (doubles its grant cap). Curator role.
    /// @param developer The developer.
    function setOpenSource(address developer) external;

    /// @notice Clears a developer's open-source flag. Governance.
    /// @param developer The developer.
    function revokeOpenSource(address developer) external;

    // ------------------------------------------------------------------ grants

    /// @notice Adds tokens to the grant budget (ecosystem-development or treasury allocation). Anyone.
    /// @dev Pulls `amount` from the caller.
    /// @param amount Token wei.
    function fundGrants(uint256 amount) external;

    /// @notice Grants `amount` to `recipient`, streamed linearly over `duration` from now. Governance (a grant is a
    /// proposal). Reverts above the recipient's cap (all its grants together) or the uncommitted budget.
    /// @param recipient Who claims it.
    /// @param amount Token wei.
    /// @param duration Streaming length, seconds (zero: claimable at once), at most `MAX_GRANT_DURATION`.
    /// @return grantId The new grant's id (from 1).
    function createGrant(address recipient, uint256 amount, uint256 duration) external returns (uint256 grantId);

    /// @notice Pays a grant's vested, unpaid part to its recipient. Anyone may call it.
    /// @param grantId The grant.
    /// @return amount Paid.
    function claimGrant(uint256 grantId) external returns (uint256 amount);

    /// @notice Cancels a grant's unvested part, returned to the budget; the vested part stays claimable. Governance.
    /// @param grantId The grant.
    function cancelGrant(uint256 grantId) external;

    // ------------------------------------------------------------------ bounties

    /// @notice Posts a bounty funded with `reward`, accepted by `approver`.
    /// @dev Pulls `reward` from the caller.
    /// @param approver Who accepts the work (not zero).
    /// @param reward Token wei.
    /// @return bountyId The new bounty's id (from 1).
    function postBounty(address approver, uint256 reward) external returns (uint256 bountyId);

    /// @notice Accepts `worker`'s work on an open bounty. Only its approver; the worker is neither the approver nor the
    /// poster; at most `approverCapPerPeriod` accepted per approver in its current and previous `APPROVAL_PERIOD`
    /// together (so in any 30 days, even across a period's edge).
    /// @param bountyId The bounty.
    /// @param worker Who did the work.
    function acceptBounty(uint256 bountyId, address worker) external;

    /// @notice Pays an accepted bounty's reward to its worker. Anyone may call it.
    /// @param bountyId The bounty.
    /// @return reward Paid.
    function claimBounty(uint256 bountyId) external returns (uint256 reward);

    /// @notice Returns an open bounty's reward to its poster. Only the poster.
    /// @param bountyId The bounty.
    function cancelBounty(uint256 bountyId) external;

    // ------------------------------------------------------------------ views

    /// @notice An app.
    /// @param appId The app.
    /// @return The app (zero developer if unknown).
    function app(uint256 appId) external view returns (App memory);

    /// @notice Whether a developer is flagged open source.
    /// @param developer The developer.
    /// @return The flag.
    function isOpenSource(address developer) external view returns (bool);

    /// @notice The most `account` may be granted in all (doubled when open source).
    /// @param account The account.
    /// @return Token wei.
    function grantCapOf(address account) external view returns (uint256);

    /// @notice What `account` has been granted in all (cancelled parts excluded).
    /// @param account The account.
    /// @return Token wei.
    function grantedTo(address account) external view returns (uint256);

    /// @notice A grant.
    /// @param grantId The grant.
    /// @return The grant (zero recipient if unknown).
    function grant(uint256 grantId) external view returns (Grant memory);

    /// @notice A grant's vested, unpaid part.
    /// @param grantId The grant.
    /// @return Token wei.
    function claimableGrant(uint256 grantId) external view returns (uint256);

    /// @notice The grant budget's totals.
    /// @return The budget.
    function grantBudget() external view returns (GrantBudget memory);

    /// @notice A bounty.
    /// @param bountyId The bounty.
    /// @return The bounty (zero poster if unknown).
    function bounty(uint256 bountyId) external view returns (Bounty memory);

    /// @notice What `approver` accepted in the current approval period.
    /// @param approver The approver.
    /// @return Token wei.
    function acceptedThisPeriod(address approver) external view returns (uint256);

    /// @notice The token paid and received.
    /// @return Its address.
    function token() external view returns (address);

    /// @notice The fee router splitting the protocol's part of app sales.
    /// @return Its address.
    function feeRouter() external view returns (address);

    // solhint-disable func-name-mixedcase
    /// @notice Longest grant stream, seconds.
    /// @return 4 years.
    function MAX_GRANT_DURATION() external view returns (uint256);

    /// @notice Length of an approval period, seconds.
    /// @return 30 days.
    function APPROVAL_PERIOD() external view returns (uint256);
    // solhint-enable func-name-mixedcase
}
