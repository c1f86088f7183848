/// An IDX array of unsigned bytes (the MNIST file format): its dimensions and its data.
public struct IDXArray: Sendable, Hashable {
    /// The magic number: 0x0000_08_NN with NN = number of dimensions (2049 labels, 2051 images).
    public var magic: UInt32 { 0x0800 | UInt32(dims.count) }
    /// Dimensions, outermost first (images: count, rows, cols; labels: count).
    public var dims: [Int]
    /// Row-major data, `dims.reduce(1, *)` bytes.
    public var bytes: [UInt8]

    /// Creates an array; `bytes.count` must equal the product of `dims`.
    public init(dims: [Int], bytes: [UInt8]) {
        precondition(bytes.count == dims.reduce(1, *), "IDXArray: \(bytes.count) bytes for dims \(dims)")
        self.dims = dims
        self.bytes = bytes
    }

    /// Number of items (the first dimension).
    public var count: Int { dims.first ?? 0 }
}

/// Reader and writer of IDX files (LeCun's format: big-endian header, unsigned-byte data only).
public enum IDX {
    /// Magic number of a labels file (1-D unsigned bytes).
    public static let labelsMagic: UInt32 = 2049
    /// Magic number of an images file (3-D unsigned bytes).
    public static let imagesMagic: UInt32 = 2051

    /// Reads the IDX file at `path` (gzip or plain) and checks its magic number, dimensions and
    /// length; when given, `expectedMagic` and `expectedTrailingDims` (e.g. [28, 28]) must match.
    /// - Throws: `DataError` naming the file and the problem.
    public static func read(path: String, expectedMagic: UInt32? = nil,
                            expectedTrailingDims: [Int]? = nil) throws(DataError) -> IDXArray {
        let raw = try GzipReader.contents(of: path)
        return try parse(raw, path: path, expectedMagic: expectedMagic, expectedTrailingDims: expectedTrailingDims)
    }

    /// Parses decompressed IDX bytes; `path` names the source in errors.
    public static func parse(_ raw: [UInt8], path: String, expectedMagic: UInt32? = nil,
                             expectedTrailingDims: [Int]? = nil) throws(DataError) -> IDXArray {
        guard raw.count >= 4 else {
            throw .malformed(path: path, place: "header", problem: "only \(raw.count) bytes, an IDX header needs at least 4",
                             fix: "the file is truncated or not IDX: fetch it again")
        }
        let magic = be32(raw, 0)
        guard raw[0] == 0, raw[1] == 0, raw[2] == 0x08 else {
            let found = "0x" + String(magic, radix: 16)
            let hint = raw[2] == 0x08 ? "" : (raw[0] == 0x1F && raw[1] == 0x8B ? " (gzip inside gzip?)" : " (only unsigned-byte data, type 0x08, is supported)")
            throw .malformed(path: path, place: "magic number (bytes 0-3)", problem: "found \(found), expected 0x0000080N\(hint)",
                             fix: "this is not an MNIST-style IDX file: check the file name and fetch it again")
        }
        if let m = expectedMagic, magic != m {
            throw .malformed(path: path, place: "magic number (bytes 0-3)", problem: "found \(magic), expected \(m) (\(m == imagesMagic ? "images" : "labels"))",
                             fix: "images and labels files are swapped or misnamed: check the file names")
        }
        let nd = Int(raw[3])
        guard nd >= 1, nd <= 4 else {
            throw .malformed(path: path, place: "byte 3 (number of dimensions)", problem: "found \(nd), expected 1 to 4",
                             fix: "the header is corrupt: fetch the file again")
        }
        let headerSize = 4 + 4 * nd
        guard raw.count >= headerSize else {
            throw .malformed(path: path, place: "header", problem: "\(raw.count) bytes, the header of a \(nd)-D array needs \(headerSize)",
                             fix: "the file is truncated: fetch it again")
        }
        let dims = (0..<nd).map { Int(be32(raw, 4 + 4 * $0)) }
        if let t = expectedTrailingDims, Array(dims.dropFirst()) != t {
            throw .malformed(path: path, place: "header dimensions", problem: "found \(dims), expected [count] + \(t)",
                             fix: "use the matching dataset files")
        }
        var expected = 1
        for d in dims {
            let (p, overflow) = expected.multipliedReportingOverflow(by: d)
            guard !overflow else {
                throw .malformed(path: path, place: "header dimensions", problem: "\(dims) overflow", fix: "the header is corrupt: fetch the file again")
            }
            expected = p
        }
        let actual = raw.count - headerSize
        guard actual == expected else { throw .lengthMismatch(path: path, expectedBytes: expected, actualBytes: actual) }
        return IDXArray(dims: dims, bytes: Array(raw[headerSize...]))
    }

    /// The IDX encoding of `array` (header + data), uncompressed.
    public static func encode(_ array: IDXArray) -> [UInt8] {
        var out: [UInt8] = [0, 0, 0x08, UInt8(array.dims.count)]
        for d in array.dims {
            let v = UInt32(d)
            out += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
        }
        return out + array.bytes
    }

    private static func be32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }
}
