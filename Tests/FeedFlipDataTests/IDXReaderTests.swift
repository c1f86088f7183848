import XCTest
import FeedFlipData

final class IDXReaderTests: XCTestCase {
    private let labels = IDXArray(dims: [5], bytes: [3, 1, 4, 1, 5])
    private let images = IDXArray(dims: [2, 3, 2], bytes: Array(0..<12))

    func testRoundTripPlainAndGzip() throws {
        let dir = try makeTempDir("idx")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try writeFile(dir + "/l", IDX.encode(labels))
        try writeFile(dir + "/i.gz", try gzipBytes(IDX.encode(images)))
        let l = try IDX.read(path: dir + "/l", expectedMagic: IDX.labelsMagic)
        XCTAssertEqual(l, labels)
        XCTAssertEqual(l.magic, 2049)
        let i = try IDX.read(path: dir + "/i.gz", expectedMagic: IDX.imagesMagic, expectedTrailingDims: [3, 2])
        XCTAssertEqual(i, images)
        XCTAssertEqual(i.magic, 2051)
        XCTAssertEqual(Array(IDX.encode(images).prefix(8)), [0, 0, 8, 3, 0, 0, 0, 2])
    }

    func testTruncatedAndTrailingDataAreRejected() throws {
        var raw = IDX.encode(images)
        raw.removeLast(3)
        XCTAssertThrowsError(try IDX.parse(raw, path: "t.idx")) {
            XCTAssertEqual($0 as? DataError, .lengthMismatch(path: "t.idx", expectedBytes: 12, actualBytes: 9))
            XCTAssertTrue(String(describing: $0).contains("truncated"))
        }
        XCTAssertThrowsError(try IDX.parse(IDX.encode(labels) + [7], path: "x")) {
            XCTAssertEqual($0 as? DataError, .lengthMismatch(path: "x", expectedBytes: 5, actualBytes: 6))
        }
        XCTAssertThrowsError(try IDX.parse([0, 0, 8], path: "short"))
        XCTAssertThrowsError(try IDX.parse([0, 0, 8, 3, 0, 0], path: "short-header"))
    }

    func testWrongMagicAndTypeAndDimsAreRejected() throws {
        XCTAssertThrowsError(try IDX.parse(IDX.encode(labels), path: "l", expectedMagic: IDX.imagesMagic)) {
            guard case let .malformed(path, place, problem, _)? = $0 as? DataError else { return XCTFail("\($0)") }
            XCTAssertEqual(path, "l")
            XCTAssertTrue(place.contains("magic"))
            XCTAssertTrue(problem.contains("2049") && problem.contains("2051"))
        }
        var floats = IDX.encode(labels)
        floats[2] = 0x0D // float data: unsupported
        XCTAssertThrowsError(try IDX.parse(floats, path: "f")) { XCTAssertTrue(String(describing: $0).contains("unsigned-byte")) }
        XCTAssertThrowsError(try IDX.parse(Array("hello world!".utf8), path: "text"))
        XCTAssertThrowsError(try IDX.parse(IDX.encode(images), path: "i", expectedTrailingDims: [28, 28])) {
            XCTAssertTrue(String(describing: $0).contains("[2, 3, 2]"))
        }
    }

    func testCorruptAndTruncatedGzipAreRejected() throws {
        let dir = try makeTempDir("gzbad")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gz = try gzipBytes(IDX.encode(IDXArray(dims: [4000], bytes: (0..<4000).map { UInt8($0 % 10) })))
        try writeFile(dir + "/cut.gz", Array(gz.prefix(gz.count / 2)))
        XCTAssertThrowsError(try IDX.read(path: dir + "/cut.gz")) {
            guard case let .corruptGzip(path, reason)? = $0 as? DataError else { return XCTFail("\($0)") }
            XCTAssertEqual(path, dir + "/cut.gz")
            XCTAssertTrue(reason.contains("truncated"), reason)
        }
        var flipped = gz
        flipped[gz.count - 6] ^= 0xFF // inside the CRC-32 trailer
        try writeFile(dir + "/crc.gz", flipped)
        XCTAssertThrowsError(try IDX.read(path: dir + "/crc.gz")) { XCTAssertNotNil($0 as? DataError) }
        XCTAssertThrowsError(try IDX.read(path: dir + "/missing.gz")) {
            guard case .unreadable? = $0 as? DataError else { return XCTFail("\($0)") }
        }
    }

    func testSHA256OfKnownInputs() {
        XCTAssertEqual(SHA256Hasher.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256Hasher.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
