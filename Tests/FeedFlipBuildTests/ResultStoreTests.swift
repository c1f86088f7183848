import XCTest
import Foundation
import FeedFlipCore
import FeedFlipBuild

/// `ResultStore`: exact round trips, damaged records treated as absent, concurrent writers.
final class ResultStoreTests: XCTestCase {
    private let key = String(repeating: "ab", count: 32)

    private func timeSeriesRecord(_ key: String, mse: [Double], seconds: Double = 1.25) -> StoredCell {
        Self.record(key, mse: mse, seconds: seconds)
    }

    private static func record(_ key: String, mse: [Double], seconds: Double = 1.25) -> StoredCell {
        StoredCell(key: key, cell: "{\"cell\" : \"\(key.prefix(6))\"}\n",
                   outcome: .timeSeries(TimeSeriesResult(mse: mse, divergedAtEpoch: nil)),
                   wallSeconds: seconds, cpuSeconds: seconds / 3)
    }

    func testRecordLivesUnderItsKeyPrefix() {
        let root = makeTemporaryFolder(self)
        let store = ResultStore(root: root)
        XCTAssertEqual(store.url(for: key).path, root.path + "/cells/ab/\(key).json")
    }

    /// Doubles survive bit for bit, including subnormals, extremes, NaN and infinities (stored
    /// as JSONText's strings "nan", "inf", "-inf").
    func testRoundTripIsExactForDoubles() throws {
        let store = ResultStore(root: makeTemporaryFolder(self))
        let values: [Double] = [0.1, 0.1 + 0.2, 1.0 / 3.0, .pi, 0.1320558514171195, 1e-300,
                                Double.leastNonzeroMagnitude, Double.leastNormalMagnitude,
                                Double.greatestFiniteMagnitude, -2.5e17, 123456789.123456789, 0,
                                .nan, .infinity, -.infinity]
        let record = StoredCell(key: key, cell: "c", outcome: .timeSeries(TimeSeriesResult(mse: values, divergedAtEpoch: 12)),
                                wallSeconds: 0.000123456789, cpuSeconds: 1e-9)
        try store.save(record)
        let text = try String(contentsOf: store.url(for: key), encoding: .utf8)
        XCTAssertTrue(text.contains("\"nan\"") && text.contains("\"inf\"") && text.contains("\"-inf\""), text)
        XCTAssertEqual(text, try JSONText.encode(record), "the record is JSONText's deterministic text")
        let loaded = try XCTUnwrap(store.load(key))
        XCTAssertEqual(loaded.format, StoredCell.currentFormat)
        XCTAssertEqual(loaded.key, key)
        XCTAssertEqual(loaded.wallSeconds.bitPattern, record.wallSeconds.bitPattern)
        XCTAssertEqual(loaded.cpuSeconds.bitPattern, record.cpuSeconds.bitPattern)
        guard case let .timeSeries(r) = loaded.outcome else { return XCTFail("outcome kind changed") }
        XCTAssertEqual(r.divergedAtEpoch, 12)
        XCTAssertEqual(r.mse.count, values.count)
        for (a, b) in zip(r.mse, values) {
            if b.isNaN { XCTAssertTrue(a.isNaN) } else { XCTAssertEqual(a.bitPattern, b.bitPattern, "\(a) vs \(b)") }
        }
    }

    func testRoundTripOfAMinibatchRecordWithSample() throws {
        let store = ResultStore(root: makeTemporaryFolder(self))
        let epochs = [EpochMetrics(trainLoss: 2.302585092994046, testLoss: 1.1, testAccuracy: 0.9731, seconds: 3.5),
                      EpochMetrics(trainLoss: 0.7, testLoss: .nan, bitsPerCharacter: 2.0615, seconds: 0.25)]
        let sample = "Once upon a \"time\",\n\ta cat said: ümlaut — ✓ \\ end"
        let record = StoredCell(key: key, cell: "m", outcome: .minibatch(MinibatchResult(epochs: epochs, divergedAtEpoch: 1), sample: sample),
                                wallSeconds: 10, cpuSeconds: 9.5)
        try store.save(record)
        let loaded = try XCTUnwrap(store.load(key))
        guard case let .minibatch(r, s) = loaded.outcome else { return XCTFail("outcome kind changed") }
        XCTAssertEqual(s, sample)
        XCTAssertEqual(r.divergedAtEpoch, 1)
        XCTAssertEqual(r.epochs[0], epochs[0])
        XCTAssertEqual(r.epochs[1].bitsPerCharacter, 2.0615)
        XCTAssertNil(r.epochs[1].testAccuracy)
        XCTAssertTrue(r.epochs[1].testLoss.isNaN)
        let noSample = StoredCell(key: key, cell: "m", outcome: .minibatch(MinibatchResult(epochs: []), sample: nil),
                                  wallSeconds: 1, cpuSeconds: 1)
        try store.save(noSample)
        XCTAssertEqual(store.load(key), noSample, "saving again replaces the record")
    }

    func testMissingRecordIsNil() {
        XCTAssertNil(ResultStore(root: makeTemporaryFolder(self)).load(key))
        XCTAssertNil(ResultStore(root: URL(fileURLWithPath: "/nonexistent-feedflip-store")).load(key))
    }

    func testTruncatedRecordIsAbsent() throws {
        let store = ResultStore(root: makeTemporaryFolder(self))
        try store.save(timeSeriesRecord(key, mse: [1, 2, 3]))
        let url = store.url(for: key)
        let bytes = try Data(contentsOf: url)
        for cut in [0, 1, bytes.count / 2, bytes.count - 3] {
            try bytes.prefix(cut).write(to: url)
            XCTAssertNil(store.load(key), "truncated to \(cut) of \(bytes.count) bytes")
        }
        try Data([0xff, 0xfe, 0x00, 0x41]).write(to: url)
        XCTAssertNil(store.load(key), "binary garbage")
    }

    func testForeignFormatOrKeyIsAbsent() throws {
        let store = ResultStore(root: makeTemporaryFolder(self))
        var record = timeSeriesRecord(key, mse: [1])
        record.format = StoredCell.currentFormat + 1
        try store.save(record)
        XCTAssertNil(store.load(key), "a record of another format is ignored")

        // A record copied under another key's name does not answer for that key.
        let other = String(repeating: "cd", count: 32)
        try store.save(timeSeriesRecord(key, mse: [1]))
        try FileManager.default.createDirectory(at: store.url(for: other).deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: store.url(for: key), to: store.url(for: other))
        XCTAssertNil(store.load(other))
        XCTAssertNotNil(store.load(key))

        // Valid JSON of another shape.
        try Data("{\"format\": 1, \"key\": \"\(key)\"}".utf8).write(to: store.url(for: key))
        XCTAssertNil(store.load(key))
    }

    /// Several threads saving the same key leave one valid record (one of theirs) and no
    /// temporary file; threads saving distinct keys into new folders at once all succeed.
    func testConcurrentSavesLeaveValidRecordsAndNoTemporaryFiles() throws {
        let root = makeTemporaryFolder(self)
        let store = ResultStore(root: root)
        let failures = Counter()
        let key = self.key
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for i in 0..<25 {
                let mse = (0..<50).map { Double(t * 1000 + i) + Double($0) / 7 }
                do { try store.save(Self.record(key, mse: mse, seconds: Double(t * 1000 + i))) } catch { failures.add() }
                if let r = store.load(key) {
                    // Whatever a reader sees is a whole record of some writer.
                    guard case let .timeSeries(ts) = r.outcome else { failures.add(); continue }
                    if ts.mse.count != 50 || ts.mse[0] != r.wallSeconds { failures.add() }
                } else {
                    failures.add()
                }
            }
        }
        XCTAssertEqual(failures.value, 0)
        let final = try XCTUnwrap(store.load(key))
        guard case let .timeSeries(ts) = final.outcome else { return XCTFail("outcome kind changed") }
        XCTAssertEqual(ts.mse[0], final.wallSeconds)
        XCTAssertEqual(filesBelow(root), ["cells/ab/\(key).json"])

        let keys = (0..<64).map { i in ContentHash.sha256Hex("cell \(i)") }
        DispatchQueue.concurrentPerform(iterations: keys.count) { i in
            do { try store.save(Self.record(keys[i], mse: [Double(i)])) } catch { failures.add() }
        }
        XCTAssertEqual(failures.value, 0)
        for (i, k) in keys.enumerated() {
            guard case let .timeSeries(r)? = store.load(k)?.outcome else { XCTFail("cell \(i) missing"); continue }
            XCTAssertEqual(r.mse, [Double(i)])
        }
        let files = filesBelow(root)
        XCTAssertEqual(files.count, keys.count + 1)
        XCTAssertTrue(files.allSatisfy { $0.hasSuffix(".json") && !($0 as NSString).lastPathComponent.hasPrefix(".") }, "\(files)")
    }

    func testSaveIntoAnUnwritableRootThrows() throws {
        let root = makeTemporaryFolder(self)
        let blocker = root.appendingPathComponent("store")
        try Data("a file".utf8).write(to: blocker)
        XCTAssertThrowsError(try ResultStore(root: blocker).save(timeSeriesRecord(key, mse: [1]))) { error in
            guard case .unwritable? = error as? BuildError else { return XCTFail("expected unwritable, got \(error)") }
        }
    }
}

/// A thread-safe counter for tests.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
