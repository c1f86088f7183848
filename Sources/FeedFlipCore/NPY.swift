/// What went wrong reading or writing data in FeedFlipCore; each case names the place and
/// what was expected so that the caller can print one clear line.
public enum CoreError: Error, Equatable, CustomStringConvertible {
    /// An `.npy` byte stream that could not be decoded: `what` is wrong, `expected` says what
    /// the decoder accepts.
    case malformedNPY(what: String, expected: String)

    public var description: String {
        switch self {
        case let .malformedNPY(what, expected):
            return "malformed .npy data: \(what); expected \(expected)"
        }
    }
}

/// The NumPy `.npy` format, version 1.0, as pure bytes (no file access): little-endian, C order,
/// header padded with spaces and a newline so that the data starts at a multiple of 64 bytes.
public enum NPY {
    private static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // "\x93NUMPY"

    /// Encodes float64 `values` of the given C-order `shape` (`values.count` must equal the
    /// product of `shape`; `[]` is a scalar shape of one value).
    public static func encode(_ values: [Double], shape: [Int]) -> [UInt8] {
        precondition(values.count == shape.reduce(1, *), "NPY.encode: shape does not match count")
        var bytes = header(descr: "<f8", shape: shape)
        bytes.reserveCapacity(bytes.count + 8 * values.count)
        for v in values {
            let b = v.bitPattern.littleEndian
            withUnsafeBytes(of: b) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// Encodes uint32 `values` of the given C-order `shape` (`'<u4'`).
    public static func encodeUInt32(_ values: [UInt32], shape: [Int]) -> [UInt8] {
        precondition(values.count == shape.reduce(1, *), "NPY.encode: shape does not match count")
        var bytes = header(descr: "<u4", shape: shape)
        for v in values { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        return bytes
    }

    /// Decodes a `'<f8'` C-order array.
    /// - Throws: `CoreError.malformedNPY` for anything else.
    public static func decodeFloat64(_ bytes: [UInt8]) throws(CoreError) -> (values: [Double], shape: [Int]) {
        let (offset, shape) = try parseHeader(bytes, descr: "<f8")
        let words: [UInt64] = try payload(bytes, offset: offset, shape: shape)
        return (words.map { Double(bitPattern: $0) }, shape)
    }

    /// Decodes a `'<u4'` C-order array.
    /// - Throws: `CoreError.malformedNPY` for anything else.
    public static func decodeUInt32(_ bytes: [UInt8]) throws(CoreError) -> (values: [UInt32], shape: [Int]) {
        let (offset, shape) = try parseHeader(bytes, descr: "<u4")
        let words: [UInt32] = try payload(bytes, offset: offset, shape: shape)
        return (words, shape)
    }

    private static func header(descr: String, shape: [Int]) -> [UInt8] {
        let shapeText: String
        switch shape.count {
        case 0: shapeText = "()"
        case 1: shapeText = "(\(shape[0]),)"
        default: shapeText = "(" + shape.map(String.init).joined(separator: ", ") + ")"
        }
        var dict = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = magic.count + 2 + 2 + dict.utf8.count + 1
        let padding = (64 - unpadded % 64) % 64
        dict += String(repeating: " ", count: padding) + "\n"
        let length = dict.utf8.count
        var bytes = magic + [1, 0, UInt8(length & 0xff), UInt8(length >> 8)]
        bytes.append(contentsOf: Array(dict.utf8))
        return bytes
    }

    private static func parseHeader(_ bytes: [UInt8], descr: String) throws(CoreError) -> (Int, [Int]) {
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw .malformedNPY(what: "no \\x93NUMPY magic", expected: "a NumPy .npy file")
        }
        let major = bytes[6]
        let headerLength: Int, start: Int
        switch major {
        case 1:
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            start = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw .malformedNPY(what: "truncated header", expected: "a complete header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            start = 12
        default:
            throw .malformedNPY(what: "format version \(major)", expected: "version 1, 2 or 3")
        }
        guard bytes.count >= start + headerLength else {
            throw .malformedNPY(what: "truncated header", expected: "\(headerLength) header bytes")
        }
        let text = String(decoding: bytes[start..<(start + headerLength)], as: UTF8.self)
        guard text.between("'descr': '", and: "'") == Substring(descr) else {
            throw .malformedNPY(what: "header \(text.trimmingTrailingWhitespace)", expected: "descr '\(descr)'")
        }
        guard text.between("'fortran_order': ", and: ",") == "False" else {
            throw .malformedNPY(what: "Fortran-ordered data", expected: "C order")
        }
        guard let shapeText = text.between("'shape': (", and: ")") else {
            throw .malformedNPY(what: "no shape in header", expected: "'shape': (...)")
        }
        var shape: [Int] = []
        for part in shapeText.split(separator: ",") {
            let t = part.filter { $0 != " " }
            if t.isEmpty { continue }
            guard let d = Int(t), d >= 0 else {
                throw .malformedNPY(what: "shape entry \"\(t)\"", expected: "non-negative integers")
            }
            shape.append(d)
        }
        return (start + headerLength, shape)
    }

    private static func payload<T: FixedWidthInteger>(_ bytes: [UInt8], offset: Int, shape: [Int]) throws(CoreError) -> [T] {
        let count = shape.reduce(1, *)
        let size = MemoryLayout<T>.size
        guard bytes.count - offset == count * size else {
            throw .malformedNPY(what: "\(bytes.count - offset) data bytes",
                                expected: "\(count * size) for shape \(shape)")
        }
        var out = [T](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            for i in 0..<count {
                out[i] = T(littleEndian: raw.loadUnaligned(fromByteOffset: offset + i * size, as: T.self))
            }
        }
        return out
    }
}

extension String {
    /// The text after the first `start` up to the next `end`, if both occur.
    fileprivate func between(_ start: String, and end: String) -> Substring? {
        let chars = Array(self)
        let st = Array(start)
        guard chars.count >= st.count else { return nil }
        for i in 0...(chars.count - st.count) where Array(chars[i..<(i + st.count)]) == st {
            let from = i + st.count
            guard let stop = chars[from...].firstIndex(of: Character(end)) else { return nil }
            let lo = self.index(self.startIndex, offsetBy: from)
            let hi = self.index(self.startIndex, offsetBy: stop)
            return self[lo..<hi]
        }
        return nil
    }

    fileprivate var trimmingTrailingWhitespace: String {
        var s = self
        while let last = s.last, last == " " || last == "\n" { s.removeLast() }
        return s
    }
}
