import CCrypto

/// Incremental SHA-256 (OpenSSL's EVP interface); `hex` gives the lowercase hex digest.
public final class SHA256Hasher {
    private let ctx: OpaquePointer?

    /// Starts a new digest.
    public init() {
        ctx = EVP_MD_CTX_new()
        EVP_DigestInit_ex(ctx, EVP_sha256(), nil)
    }

    deinit { EVP_MD_CTX_free(ctx) }

    /// Adds bytes to the digest.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        EVP_DigestUpdate(ctx, base, bytes.count)
    }

    /// Adds bytes to the digest.
    public func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    /// Finishes the digest and returns it as 64 lowercase hex characters.
    public func finalizeHex() -> String {
        var md = [UInt8](repeating: 0, count: 32)
        var len: UInt32 = 0
        EVP_DigestFinal_ex(ctx, &md, &len)
        return md.prefix(Int(len)).map { String(format2: $0) }.joined()
    }

    /// The SHA-256 of `bytes` as lowercase hex.
    public static func hex(_ bytes: [UInt8]) -> String {
        let h = SHA256Hasher()
        h.update(bytes)
        return h.finalizeHex()
    }
}

extension String {
    /// Two lowercase hex digits of a byte.
    init(format2 b: UInt8) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }
}
