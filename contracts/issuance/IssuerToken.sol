// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

// solhint-disable-next-line max-line-length
import {ERC20PermitUpgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC20/extensions/ERC20PermitUpgradeable.sol";
import {ERC20Upgradeable} from "@openzeppelin/contracts-upgradeable/token/ERC20/ERC20Upgradeable.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {Create2} from "@openzeppelin/contracts/utils/Create2.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {IComplianceRegistry} from "../interfaces/IComplianceRegistry.sol";
import {IIssuerRegistry} from "../interfaces/IIssuerRegistry.sol";
import {IIssuerToken} from "../interfaces/IIssuerToken.sol";

/// @title IssuerToken
/// @notice The implementation every issuer token clone runs: ERC20 + permit, capped issuance by the issuer or
/// its minter, redemption with a record the issuer fulfils or refunds, and issuer-signed EIP-712 vouchers.
/// @dev A clone shares this contract's code, so it shares its immutables (the registry and the factory, the same
/// for every token) but not its storage. What is fixed for a token's life (issuer, first minter, cap, terms, name,
/// symbol) is not stored: the factory appends it to the clone's code as immutable arguments (OpenZeppelin's
/// `Clones.cloneDeterministicWithImmutableArgs`) and the token reads it back with `EXTCODECOPY`, so creating a
/// token writes no storage at all. A clone is deployed with CREATE2 by the factory (salt zero; the arguments hold
/// the token's index, so each one is unique), and a token mints only when its own code and address prove that
/// the factory created it: anyone can clone the implementation with arguments of their choosing, but such a
/// clone can never issue a token. The OpenZeppelin upgradeable ERC20 and EIP-712 variants are used because they
/// do not cache the name in immutables; the name and the EIP-712 domain name are read from the arguments and the
/// version is the constant "1".
///
/// Compliance (opt-in per preset): the compliance registry is an immutable of the implementation, so every clone
/// shares it and a clone costs nothing more. With one, transfers (sender and receiver) and issuance (mints and
/// voucher claims: the receiver) check it at the amount; burns (redemptions) and refunds never do, so a holder can
/// always exit through its issuer. The zero registry makes no call.
///
/// Argument layout (packed): issuer (20 bytes) | minter (20) | cap (16) | terms hash (32) | index (8) | name
/// length (2) | symbol length (2) | terms URI length (2) | name | symbol | terms URI.
contract IssuerToken is IIssuerToken, ERC20PermitUpgradeable {
    using SafeCast for uint256;

    /// @inheritdoc IIssuerToken
    bytes32 public constant VOUCHER_TYPEHASH = keccak256(
        "Voucher(address to,uint256 amount,uint256 id,uint256 deadline)"
    );

    /// @inheritdoc IIssuerToken
    uint256 public constant REDEMPTION_DEADLINE = 30 days;

    /// @dev OpenZeppelin's clone with immutable arguments: the arguments follow the 45-byte proxy code.
    uint256 private constant _ARGS_START = 0x2d;
    /// @dev Offsets of the fixed-size arguments, and where the texts begin.
    uint256 private constant _AT_MINTER = 20;
    uint256 private constant _AT_CAP = 40;
    uint256 private constant _AT_TERMS_HASH = 56;
    uint256 private constant _AT_LENGTHS = 96;
    uint256 private constant _AT_TEXTS = 102;

    IIssuerRegistry private immutable _REGISTRY;
    address private immutable _FACTORY;
    address private immutable _SELF;
    IComplianceRegistry private immutable _COMPLIANCE;

    // Slot 0: read by every issuer-side call and by redeem.
    address private _minter; // the minter set by `setMinter` (valid once `_minterSet`)
    bool private _minterSet;
    bool private _retired;
    uint64 private _redemptionCount;
    // Slot 1: supply plus pending redemptions (what the cap bounds), and everything ever minted.
    uint128 private _committed;
    uint128 private _totalMinted;
    // Slot 2.
    uint128 private _totalRefunded;

    mapping(uint256 id => Redemption) private _redemptions;
    /// @dev Used voucher ids, 256 per word.
    mapping(uint256 word => uint256 bits) private _usedVouchers;

    /// @notice Deploys the implementation (the factory does, in its constructor) and locks it.
    /// @param registry_ The issuer registry every clone checks its issuer against.
    /// @param compliance_ The compliance registry every clone checks (the zero address: compliance off).
    constructor(address registry_, address compliance_) {
        _REGISTRY = IIssuerRegistry(registry_);
        _COMPLIANCE = IComplianceRegistry(compliance_);
        _FACTORY = msg.sender;
        _SELF = address(this);
        _disableInitializers();
    }

    // ------------------------------------------------------------------ lifecycle

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
        address issuer_ = _issuerArg();
        if (msg.sender != issuer_ && msg.sender != _currentMinter()) revert NotMinter(msg.sender);
        _issue(issuer_, to, amount);
    }

    /// @inheritdoc IIssuerToken
    function claimVoucher(address to, uint256 amount, uint256 id, uint256 deadline, bytes calldata signature) external {
        if (block.timestamp > deadline) revert VoucherExpired(deadline, block.timestamp);
        (uint256 word, uint256 bit) = _voucherBit(id);
        uint256 bits = _usedVouchers[word];
        if (bits & bit != 0) revert VoucherAlreadyUsed(id);
        address issuer_ = _issuerArg();
        bytes32 digest = _hashTypedDataV4(keccak256(abi.encode(VOUCHER_TYPEHASH, to, amount, id, deadline)));
        if (!_signedByIssuerOrMinter(issuer_, digest, signature)) revert InvalidVoucherSignature(id);
        _usedVouchers[word] = bits | bit;
        _issue(issuer_, to, amount);
        emit VoucherClaimed(id, to, amount);
    }

    /// @inheritdoc IIssuerToken
    function cancelVoucher(uint256 id) external {
        if (msg.sender != _issuerArg() && msg.sender != _currentMinter()) revert NotMinter(msg.sender);
        (uint256 word, uint256 bit) = _voucherBit(id);
        uint256 bits = _usedVouchers[word];
        if (bits & bit != 0) revert VoucherAlreadyUsed(id);
        _usedVouchers[word] = bits | bit;
        emit VoucherCancelled(id);
    }

    /// @inheritdoc IIssuerToken
    function setMinter(address minter_) external {
        if (msg.sender != _issuerArg()) revert NotIssuer(msg.sender);
        _minter = minter_;
        _minterSet = true;
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
        if (msg.sender != _issuerArg()) revert NotIssuer(msg.sender);
        Redemption storage r = _pending(id);
        r.status = RedemptionStatus.Fulfilled;
        // The redemption's share of the cap is released; _committed >= every pending amount.
        _committed -= r.amount;
        emit RedemptionFulfilled(id);
    }

    /// @inheritdoc IIssuerToken
    function refund(uint256 id) external {
        if (msg.sender != _issuerArg()) revert NotIssuer(msg.sender);
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
    function compliance() external view returns (address) {
        return address(_COMPLIANCE);
    }

    /// @inheritdoc IIssuerToken
    function factory() external view returns (address) {
        return _FACTORY;
    }

    /// @inheritdoc IIssuerToken
    function issuer() external view returns (address) {
        return _issuerArg();
    }

    /// @inheritdoc IIssuerToken
    function minter() external view returns (address) {
        return _currentMinter();
    }

    /// @inheritdoc IIssuerToken
    function cap() external view returns (uint256) {
        return _capArg();
    }

    /// @inheritdoc IIssuerToken
    function termsURI() external view returns (string memory) {
        (uint256 nameLength, uint256 symbolLength, uint256 termsLength) = _lengths();
        return _text(_AT_TEXTS + nameLength + symbolLength, termsLength);
    }

    /// @inheritdoc IIssuerToken
    function termsHash() external view returns (bytes32) {
        return _word(_AT_TERMS_HASH);
    }

    /// @inheritdoc IERC20Metadata
    function name() public view override(ERC20Upgradeable, IERC20Metadata) returns (string memory) {
        (uint256 nameLength, , ) = _lengths();
        return _text(_AT_TEXTS, nameLength);
    }

    /// @inheritdoc IERC20Metadata
    function symbol() public view override(ERC20Upgradeable, IERC20Metadata) returns (string memory) {
        (uint256 nameLength, uint256 symbolLength, ) = _lengths();
        return _text(_AT_TEXTS + nameLength, symbolLength);
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
        _checkCreatedByFactory();
        IIssuerRegistry.IssuerStatus status = _REGISTRY.statusOf(issuer_);
        if (status != IIssuerRegistry.IssuerStatus.Verified) revert IIssuerRegistry.IssuerNotVerified(issuer_, status);
        uint256 committed = uint256(_committed) + amount;
        uint256 cap_ = _capArg();
        if (committed > cap_) revert CapExceeded(committed, cap_);
        _committed = uint128(committed); // committed <= cap < 2^128
        _totalMinted = (uint256(_totalMinted) + amount).toUint128();
        if (address(_COMPLIANCE) != address(0)) _COMPLIANCE.check(address(0), to, amount);
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
        address minter_ = _currentMinter();
        // A successful recovery never yields the zero address, so an unset minter never matches.
        if (recoveredOk && recovered == minter_) return true;
        return
            SignatureChecker.isValidERC1271SignatureNowCalldata(issuer_, digest, signature) ||
            (minter_ != address(0) && SignatureChecker.isValidERC1271SignatureNowCalldata(minter_, digest, signature));
    }

    /// @dev The minter: the one the issuer set, or the token's first minter (an argument) until it sets one.
    function _currentMinter() private view returns (address) {
        return _minterSet ? _minter : address(bytes20(_word(_AT_MINTER)));
    }

    function _issuerArg() private view returns (address) {
        return address(bytes20(_word(0)));
    }

    function _capArg() private view returns (uint256) {
        return uint128(bytes16(_word(_AT_CAP)));
    }

    function _lengths() private view returns (uint256 nameLength, uint256 symbolLength, uint256 termsLength) {
        bytes32 word = _word(_AT_LENGTHS);
        return (uint16(bytes2(word)), uint16(bytes2(word << 16)), uint16(bytes2(word << 32)));
    }

    /// @dev 32 bytes of the clone's arguments from `offset`. The implementation has none: it refuses.
    function _word(uint256 offset) private view returns (bytes32 word) {
        if (address(this) == _SELF) revert NotAClone();
        // One word of our own code into scratch space: cheaper than `Clones.fetchCloneArgs`, which copies them all.
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            extcodecopy(address(), 0x00, add(_ARGS_START, offset), 0x20)
            word := mload(0x00)
        }
    }

    /// @dev `length` bytes of the clone's arguments from `offset`, as a string.
    function _text(uint256 offset, uint256 length) private view returns (string memory text) {
        if (address(this) == _SELF) revert NotAClone();
        text = new string(length);
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            extcodecopy(address(), add(text, 0x20), add(_ARGS_START, offset), length)
        }
    }

    /// @dev Mints only in a clone the factory created: the clone's creation code is a 10-byte header (PUSH2 of
    /// the code's length, then the copy-and-return sequence) followed by the code itself, so the CREATE2 address
    /// the factory would have produced with salt zero is recomputed from this contract's own code. A clone with
    /// forged arguments made by anyone else lives at another address and fails here.
    function _checkCreatedByFactory() private view {
        bytes memory code = address(this).code;
        bytes32 initCodeHash = keccak256(abi.encodePacked(hex"61", uint16(code.length), hex"3d81600a3d39f3", code));
        if (Create2.computeAddress(bytes32(0), initCodeHash, _FACTORY) != address(this)) revert NotAClone();
    }

    function _voucherBit(uint256 id) private pure returns (uint256 word, uint256 bit) {
        return (id >> 8, 1 << (id & 0xff));
    }

    /// @dev Transfers (both parties non-zero) check the compliance registry when there is one; mints and burns
    /// pass through (issuance checks its receiver in `_issue`, redemptions and refunds are never refused).
    function _update(address from, address to, uint256 value) internal override {
        if (address(_COMPLIANCE) != address(0) && from != address(0) && to != address(0)) {
            _COMPLIANCE.check(from, to, value);
        }
        super._update(from, to, value);
    }

    /// @inheritdoc ERC20PermitUpgradeable
    function nonces(address owner) public view override(ERC20PermitUpgradeable, IERC20Permit) returns (uint256) {
        return super.nonces(owner);
    }

    /// @dev The EIP-712 domain name is the token's name (an immutable argument).
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
