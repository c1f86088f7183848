import FeedFlipCore
import XCTest

final class NPYTests: XCTestCase {
    /// Re-encoding NumPy's own files gives NumPy's bytes exactly (header text, padding, data).
    func testEncoderReproducesNumPyFilesByteForByte() throws {
        for name in ["upstream-timeseries/curves-seed0.npy",
                     "numpy-random/default_rng-seed0-standard_normal-10000.npy",
                     "numpy-random/legacy-seed42-sequence.npy"] {
            let original = try Golden.bytes(name)
            let decoded = try NPY.decodeFloat64(original)
            XCTAssertEqual(NPY.encode(decoded.values, shape: decoded.shape), original, name)
        }
        let raw = try Golden.bytes("numpy-random/legacy-seed0-mt19937-raw32-1000.npy")
        let words = try NPY.decodeUInt32(raw)
        XCTAssertEqual(words.shape, [1000])
        XCTAssertEqual(NPY.encodeUInt32(words.values, shape: words.shape), raw)
    }

    func testHeaderIsVersion1PaddedTo64Bytes() throws {
        for shape in [[], [0], [1], [300], [3, 7], [10, 3, 3, 300]] {
            let count = shape.reduce(1, *)
            let values = (0..<count).map { Double($0) * 0.5 - 3 }
            let bytes = NPY.encode(values, shape: shape)
            XCTAssertEqual(Array(bytes[0..<8]), [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
            let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            XCTAssertEqual((10 + headerLength) % 64, 0, "shape \(shape)")
            XCTAssertEqual(bytes[10 + headerLength - 1], 0x0A, "header ends with a newline")
            XCTAssertEqual(bytes.count, 10 + headerLength + 8 * count)
            let back = try NPY.decodeFloat64(bytes)
            XCTAssertEqual(back.shape, shape)
            XCTAssertEqual(back.values.map(\.bitPattern), values.map(\.bitPattern))
        }
        let header = String(decoding: NPY.encode([1, 2, 3], shape: [3]).prefix(128), as: UTF8.self)
        XCTAssertTrue(header.contains("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"))
    }

    func testSpecialValuesRoundTrip() throws {
        let values: [Double] = [.nan, .infinity, -.infinity, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        let back = try NPY.decodeFloat64(NPY.encode(values, shape: [6]))
        XCTAssertEqual(back.values.map(\.bitPattern), values.map(\.bitPattern))
    }

    func testMalformedInputThrowsWithContext() {
        let good = NPY.encode([1, 2, 3], shape: [3])
        XCTAssertThrowsError(try NPY.decodeFloat64([1, 2, 3])) { error in
            XCTAssertTrue("\(error)".contains("magic"))
        }
        XCTAssertThrowsError(try NPY.decodeFloat64(Array(good.dropLast(8)))) { error in
            XCTAssertTrue("\(error)".contains("16 data bytes"), "\(error)")
        }
        XCTAssertThrowsError(try NPY.decodeUInt32(good)) { error in
            XCTAssertTrue("\(error)".contains("<u4"), "\(error)")
        }
        var fortran = good
        let text = Array("'fortran_order': False".utf8), replacement = Array("'fortran_order': True ".utf8)
        if let i = (0..<(fortran.count - text.count)).first(where: { Array(fortran[$0..<($0 + text.count)]) == text }) {
            fortran.replaceSubrange(i..<(i + text.count), with: replacement)
        }
        XCTAssertThrowsError(try NPY.decodeFloat64(fortran))
    }
}
