// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

// solhint-disable-next-line max-line-length
import {ERC20PermitUpgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20PermitUpgradeable.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IIssuerRegistry} from "../interfaces/IIssuerRegistry.sol";
import {IIssuerToken} from "../interfaces/IIssuerToken.sol";

/// @title IssuerToken
/// @notice The implementation every issuer token clone runs: ERC20 + permit, capped issuance by the issuer or
/// its minter, redemption with a record the issuer fulfils or refunds, and issuer-signed EIP-712 vouchers.
/// @dev A clone shares this contract's code, so it shares its immutables (the registry and the factory, the same
/// for every token) but not its storage. The OpenZeppelin upgradeable ERC20 and EIP-712 variants are used because
/// they keep the name in storage: the non-upgradeable EIP712 caches the name hash in immutables, so every clone
/// would sign in the implementation's name. The EIP-712 domain name is read from the ERC20 name and the version
/// is the constant "1", so nothing is stored twice. The constructor disables initialisers on the implementation.
contract IssuerToken is IIssuerToken, ERC20PermitUpgradeable {
    using SafeCast for uint256;

    /// @inheritdoc IIssuerToken
    bytes32 public constant VOUCHER_TYPEHASH = keccak256(
        "Voucher(address to,uint256 amount,uint256 id,uint256 deadline)"
    );

    /// @inheritdoc IIssuerToken
    uint256 public constant REDEMPTION_DEADLINE = 30 days;

    IIssuerRegistry private immutable _REGISTRY;
    address private immutable _FACTORY;

    // Slot 0: read by every issuer-side call and by redeem.
    address private _issuer;
    bool private _retired;
    uint64 private _redemptionCount;
    // Slot 1.
    address private _minter;
    // Slot 2: supply plus pending redemptions (what the cap bounds), and everything ever minted.
    uint128 private _committed;
    uint128 private _totalMinted;
    // Slot 3.
    uint128 private _cap;
    uint128 private _totalRefunded;

    bytes32 private _termsHash;
    string private _termsURI;
    mapping(uint256 id => Redemption) private _redemptions;
    /// @dev Used voucher ids, 256 per word.
    mapping(uint256 word => uint256 bits) private _usedVouchers;

    /// @notice Deploys the implementation (the factory does, in its constructor) and locks it.
    /// @param registry_ The issuer registry every clone checks its issuer against.
    constructor(address registry_) {
        _REGISTRY = IIssuerRegistry(registry_);
        _FACTORY = msg.sender;
        _disableInitializers();
    }

    // ------------------------------------------------------------------ lifecycle

    /// @inheritdoc IIssuerToken
    function initialize(address issuer_, TokenConfig calldata config) external initializer {
        if (msg.sender != _FACTORY) revert NotFactory(msg.sender);
        if (issuer_ == address(0)) revert ZeroAddress();
        if (config.cap == 0 || config.cap > type(uint128).max) revert InvalidCap(config.cap);
        if (bytes(config.name).length == 0 || bytes(config.symbol).length == 0) revert EmptyNameOrSymbol();
        if (bytes(config.termsURI).length == 0 || config.termsHash == bytes32(0)) revert MissingTerms();
        __ERC20_init(config.name, config.symbol);
        _issuer = issuer_;
        _minter = config.minter;
        _cap = uint128(config.cap); // at most 2^128 - 1, checked above
        _termsHash = config.termsHash;
        _termsURI = config.termsURI;
    }

    /// @inheritdoc IIssuerToken
    function retire() external {
        if (msg.sender != _FACTORY) revert NotFactory(msg.sender);
        if (_retired) revert TokenIsRetired();
        uint256 supply = totalSupply();
        if (supply != 0) revert SupplyOutstanding(supply);
        uint256 pending = _committed;
        if (pending != 0) revert RedemptionsPending(pending);
        _retired = true;
        emit Retired();
    }

    // ------------------------------------------------------------------ issuance

    /// @inheritdoc IIssuerToken
    function mint(address to, uint256 amount) external {
        address issuer_ = _issuer;
        if (msg.sender != issuer_ && msg.sender != _minter) revert NotMinter(msg.sender);
        _issue(issuer_, to, amount);
    }

    /// @inheritdoc IIssuerToken
    function claimVoucher(address to, uint256 amount, uint256 id, uint256 deadline, bytes calldata signature) external {
        if (block.timestamp > deadline) revert VoucherExpired(deadline, block.timestamp);
        (uint256 word, uint256 bit) = _voucherBit(id);
        uint256 bits = _usedVouchers[word];
        if (bits & bit != 0) revert VoucherAlreadyUsed(id);
        address issuer_ = _issuer;
        bytes32 digest = _hashTypedDataV4(keccak256(abi.encode(VOUCHER_TYPEHASH, to, amount, id, deadline)));
        if (!_signedByIssuerOrMinter(issuer_, digest, signature)) revert InvalidVoucherSignature(id);
        _usedVouchers[word] = bits | bit;
        _issue(issuer_, to, amount);
        emit VoucherClaimed(id, to, amount);
    }

    /// @inheritdoc IIssuerToken
    function cancelVoucher(uint256 id) external {
        if (msg.sender != _issuer && msg.sender != _minter) revert NotMinter(msg.sender);
        (uint256 word, uint256 bit) = _voucherBit(id);
        uint256 bits = _usedVouchers[word];
        if (bits & bit != 0) revert VoucherAlreadyUsed(id);
        _usedVouchers[word] = bits | bit;
        emit VoucherCancelled(id);
    }

    /// @inheritdoc IIssuerToken
    function setMinter(address minter_) external {
        if (msg.sender != _issuer) revert NotIssuer(msg.sender);
        _minter = minter_;
        emit MinterSet(minter_);
    }

    // ------------------------------------------------------------------ redemption

    /// @inheritdoc IIssuerToken
    function redeem(uint256 amount, bytes32 ref) external returns (uint256 id) {
        if (amount == 0) revert ZeroAmount();
        if (_retired) revert TokenIsRetired();
        id = ++_redemptionCount;
        // Reverts ERC20InsufficientBalance above the balance. The burned tokens stay in `_committed` until the
        // redemption is fulfilled, so their share of the cap is kept for a refund.
        _burn(msg.sender, amount);
        // amount <= the holder's balance <= supply <= cap < 2^128, so the cast is exact.
        _redemptions[id] = Redemption({
            holder: msg.sender,
            status: RedemptionStatus.Pending,
            redeemedAt: uint64(block.timestamp), // timestamps fit 64 bits for the next 500 billion years
            amount: uint128(amount)
        });
        emit Redeemed(id, msg.sender, amount, ref);
    }

    /// @inheritdoc IIssuerToken
    function fulfil(uint256 id) external {
        if (msg.sender != _issuer) revert NotIssuer(msg.sender);
        Redemption storage r = _pending(id);
        r.status = RedemptionStatus.Fulfilled;
        // The redemption's share of the cap is released; _committed >= every pending amount.
        _committed -= r.amount;
        emit RedemptionFulfilled(id);
    }

    /// @inheritdoc IIssuerToken
    function refund(uint256 id) external {
        if (msg.sender != _issuer) revert NotIssuer(msg.sender);
        (address holder, uint256 amount) = _refund(_pending(id));
        emit RedemptionRefunded(id, holder, amount);
    }

    /// @inheritdoc IIssuerToken
    function reclaim(uint256 id) external {
        Redemption storage r = _pending(id);
        uint256 expiresAt = uint256(r.redeemedAt) + REDEMPTION_DEADLINE;
        if (block.timestamp < expiresAt) revert RedemptionNotExpired(id, expiresAt, block.timestamp);
        (address holder, uint256 amount) = _refund(r);
        emit RedemptionReclaimed(id, holder, amount, msg.sender);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IIssuerToken
    function registry() external view returns (address) {
        return address(_REGISTRY);
    }

    /// @inheritdoc IIssuerToken
    function factory() external view returns (address) {
        return _FACTORY;
    }

    /// @inheritdoc IIssuerToken
    function issuer() external view returns (address) {
        return _issuer;
    }

    /// @inheritdoc IIssuerToken
    function minter() external view returns (address) {
        return _minter;
    }

    /// @inheritdoc IIssuerToken
    function cap() external view returns (uint256) {
        return _cap;
    }

    /// @inheritdoc IIssuerToken
    function termsURI() external view returns (string memory) {
        return _termsURI;
    }

    /// @inheritdoc IIssuerToken
    function termsHash() external view returns (bytes32) {
        return _termsHash;
    }

    /// @inheritdoc IIssuerToken
    function retired() external view returns (bool) {
        return _retired;
    }

    /// @inheritdoc IIssuerToken
    function totalMinted() external view returns (uint256) {
        return _totalMinted;
    }

    /// @inheritdoc IIssuerToken
    function totalBurned() external view returns (uint256) {
        return _totalMinted - totalSupply();
    }

    /// @inheritdoc IIssuerToken
    function totalRefunded() external view returns (uint256) {
        return _totalRefunded;
    }

    /// @inheritdoc IIssuerToken
    function totalFulfilled() external view returns (uint256) {
        // burned - pending - refunded = (minted - supply) - (committed - supply) - refunded.
        return _totalMinted - _committed - _totalRefunded;
    }

    /// @inheritdoc IIssuerToken
    function pendingRedemptions() external view returns (uint256) {
        return _committed - totalSupply();
    }

    /// @inheritdoc IIssuerToken
    function redemptionCount() external view returns (uint256) {
        return _redemptionCount;
    }

    /// @inheritdoc IIssuerToken
    function redemption(uint256 id) external view returns (Redemption memory) {
        return _redemptions[id];
    }

    /// @inheritdoc IIssuerToken
    function isVoucherUsed(uint256 id) external view returns (bool) {
        (uint256 word, uint256 bit) = _voucherBit(id);
        return _usedVouchers[word] & bit != 0;
    }

    // ------------------------------------------------------------------ internals

    /// @dev Mints within the cap for a verified issuer (one registry call) while the token is not retired.
    function _issue(address issuer_, address to, uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        if (_retired) revert TokenIsRetired();
        IIssuerRegistry.IssuerStatus status = _REGISTRY.statusOf(issuer_);
        if (status != IIssuerRegistry.IssuerStatus.Verified) revert IIssuerRegistry.IssuerNotVerified(issuer_, status);
        uint256 committed = uint256(_committed) + amount;
        uint256 cap_ = _cap;
        if (committed > cap_) revert CapExceeded(committed, cap_);
        _committed = uint128(committed); // committed <= cap < 2^128
        _totalMinted = (uint256(_totalMinted) + amount).toUint128();
        _mint(to, amount);
    }

    /// @dev Marks a pending redemption refunded and re-mints its tokens to the holder. The re-mint fills the share
    /// of the cap the redemption kept reserved: `_committed` does not move.
    function _refund(Redemption storage r) private returns (address holder, uint256 amount) {
        r.status = RedemptionStatus.Refunded;
        amount = r.amount;
        holder = r.holder;
        _totalMinted = (uint256(_totalMinted) + amount).toUint128();
        _totalRefunded = (uint256(_totalRefunded) + amount).toUint128();
        _mint(holder, amount);
    }

    function _pending(uint256 id) private view returns (Redemption storage r) {
        r = _redemptions[id];
        if (r.status != RedemptionStatus.Pending) revert RedemptionNotPending(id, r.status);
    }

    /// @dev One ecrecover for the common case (an EOA issuer or minter); ERC-1271 only when that fails, so
    /// contract issuers (a Safe) and contract minters can sign too.
    function _signedByIssuerOrMinter(
        address issuer_,
        bytes32 digest,
        bytes calldata signature
    ) private view returns (bool) {
        (address recovered, ECDSA.RecoverError err, ) = ECDSA.tryRecoverCalldata(digest, signature);
        bool recoveredOk = err == ECDSA.RecoverError.NoError;
        if (recoveredOk && recovered == issuer_) return true;
        address minter_ = _minter;
        // A successful recovery never yields the zero address, so an unset minter never matches.
        if (recoveredOk && recovered == minter_) return true;
        return
            SignatureChecker.isValidERC1271SignatureNowCalldata(issuer_, digest, signature) ||
            (minter_ != address(0) && SignatureChecker.isValidERC1271SignatureNowCalldata(minter_, digest, signature));
    }

    function _voucherBit(uint256 id) private pure returns (uint256 word, uint256 bit) {
        return (id >> 8, 1 << (id & 0xff));
    }

    /// @inheritdoc ERC20PermitUpgradeable
    function nonces(address owner) public view override(ERC20PermitUpgradeable, IERC20Permit) returns (uint256) {
        return super.nonces(owner);
    }

    /// @dev The EIP-712 domain name is the token's name (stored once, by ERC20).
    // solhint-disable-next-line func-name-mixedcase
    function _EIP712Name() internal view override returns (string memory) {
        return name();
    }

    /// @dev The EIP-712 domain version is always "1".
    // solhint-disable-next-line func-name-mixedcase
    function _EIP712Version() internal pure override returns (string memory) {
        return "1";
    }
}
