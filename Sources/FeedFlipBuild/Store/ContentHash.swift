import FeedFlipData

/// SHA-256 of cell descriptions, as 64 lowercase hex digits (OpenSSL through FeedFlipData).
public enum ContentHash {
    /// The hex SHA-256 of a string's UTF-8 bytes.
    public static func sha256Hex(_ text: String) -> String { SHA256Hasher.hex(Array(text.utf8)) }
}
