/// Strict UTF-8 validation that reports where the first bad byte is.
public enum TextUTF8 {
    /// The 0-based offset of the first byte that does not start or continue a valid UTF-8
    /// sequence (overlong forms, surrogates and values above U+10FFFF are invalid, as are
    /// truncated sequences at the end), or nil when all of `bytes` is valid.
    public static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let len: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF  // allowed range of the second byte
            switch b0 {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: return i
            }
            if i + 1 >= n { return i }
            let b1 = bytes[i + 1]
            if b1 < lo || b1 > hi { return i }
            for j in 2..<len {
                if i + j >= n { return i }
                let b = bytes[i + j]
                if b < 0x80 || b > 0xBF { return i }
            }
            i += len
        }
        return nil
    }

    /// Convenience over an array of bytes.
    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset($0) }
    }
}
