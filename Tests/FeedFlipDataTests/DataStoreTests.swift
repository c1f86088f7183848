import XCTest
import FeedFlipData

final class DataStoreTests: XCTestCase {
    func testSearchOrderIsDataDirThenEnvironmentThenCache() throws {
        let root = try makeTempDir("store")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let explicit = root + "/explicit", env = root + "/env", cache = root + "/xdg"
        try writeSyntheticIDX(folder: env + "/mnist")
        try writeSyntheticIDX(folder: cache + "/feedflip/mnist")
        let environment = ["FEEDFLIP_DATA": env, "XDG_CACHE_HOME": cache, "HOME": root + "/home"]
        let store = DataStore(dataDir: explicit, environment: environment)
        XCTAssertEqual(store.roots, [explicit, env, cache + "/feedflip"])
        XCTAssertEqual(try store.locate(.mnist).folder, env + "/mnist")
        try writeSyntheticIDX(folder: explicit + "/mnist")
        XCTAssertEqual(try store.locate(.mnist).folder, explicit + "/mnist")
        let cacheOnly = DataStore(environment: ["XDG_CACHE_HOME": cache])
        XCTAssertEqual(try cacheOnly.locate(.mnist).folder, cache + "/feedflip/mnist")
        XCTAssertEqual(DataStore(environment: ["HOME": "/h"]).cacheRoot, "/h/.cache/feedflip")
        XCTAssertEqual(DataStore(environment: [:]).candidateFolders(for: .fashionMNIST).last, "/usr/share/datasets/fashion-mnist")
    }

    func testMissingDatasetNamesFilesFoldersAndWhatToDo() throws {
        let root = try makeTempDir("none")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/mnist", withIntermediateDirectories: true)
        try writeFile(root + "/mnist/train-labels-idx1-ubyte", [0]) // a plain (uncompressed) name counts as present
        let store = DataStore(dataDir: root, environment: ["HOME": root + "/home"])
        XCTAssertThrowsError(try store.locate(.mnist)) {
            guard case let .notFound(dataset, missing, searched)? = $0 as? DataError else { return XCTFail("\($0)") }
            XCTAssertEqual(dataset, "mnist")
            XCTAssertEqual(missing.count, 3)
            XCTAssertFalse(missing.contains("train-labels-idx1-ubyte.gz"))
            XCTAssertEqual(searched.first, root + "/mnist")
            let text = String(describing: $0)
            XCTAssertTrue(text.contains("feedflip fetch mnist") && text.contains("FEEDFLIP_DATA"), text)
        }
        XCTAssertThrowsError(try ImageDatasetKind.named("cifar")) { XCTAssertTrue(String(describing: $0).contains("fashion-mnist")) }
        XCTAssertEqual(try ImageDatasetKind.named("fashion-mnist"), .fashionMNIST)
    }

    func testLoadStandardisesWithTrainingStatistics() throws {
        let root = try makeTempDir("load")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sums = try writeSyntheticIDX(folder: root + "/mnist", train: 50, test: 20)
        let d = try ImageDataset.load(.mnist, store: DataStore(dataDir: root, environment: [:]), verifyChecksums: false)
        XCTAssertEqual(d.train.count, 50); XCTAssertEqual(d.test.count, 20); XCTAssertEqual(d.train.dim, 16)
        XCTAssertEqual(d.sha256, sums)
        let f = d.train.features.map(Double.init)
        let mean = f.reduce(0, +) / Double(f.count)
        let variance = f.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(f.count)
        XCTAssertEqual(mean, 0, accuracy: 1e-5)
        XCTAssertEqual(variance, 1, accuracy: 1e-4)
        XCTAssertEqual(d.train.labels.prefix(12), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1])
        // Pixel 0 of the first training image is byte 37 * 0 + 11 = 11.
        XCTAssertEqual(Double(d.train.features[0]), (11.0 / 255 - d.pixelMean) / d.pixelStd, accuracy: 1e-5)
        let limited = try ImageDataset.load(.mnist, store: DataStore(dataDir: root, environment: [:]), verifyChecksums: false,
                                            trainLimit: 10, testLimit: 5)
        XCTAssertEqual(limited.train.count, 10); XCTAssertEqual(limited.test.count, 5)
        // The synthetic files are not MNIST: with verification on, the published checksums reject them.
        XCTAssertThrowsError(try ImageDataset.load(.mnist, store: DataStore(dataDir: root, environment: [:]))) {
            guard case .checksumMismatch? = $0 as? DataError else { return XCTFail("\($0)") }
        }
    }

    func testMismatchedCountsAndBadLabelsAreRejected() throws {
        let root = try makeTempDir("mismatch")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/mnist"
        try writeSyntheticIDX(folder: folder, train: 30, test: 10)
        try writeFile(folder + "/train-labels-idx1-ubyte.gz", try gzipBytes(IDX.encode(IDXArray(dims: [29], bytes: Array(repeating: 1, count: 29)))))
        let store = DataStore(dataDir: root, environment: [:])
        XCTAssertThrowsError(try ImageDataset.load(.mnist, store: store, verifyChecksums: false)) {
            XCTAssertEqual($0 as? DataError, .countMismatch(images: folder + "/train-images-idx3-ubyte.gz",
                                                            labels: folder + "/train-labels-idx1-ubyte.gz", imageCount: 30, labelCount: 29))
        }
        try writeFile(folder + "/train-labels-idx1-ubyte.gz", try gzipBytes(IDX.encode(IDXArray(dims: [30], bytes: [12] + Array(repeating: 1, count: 29)))))
        XCTAssertThrowsError(try ImageDataset.load(.mnist, store: store, verifyChecksums: false)) {
            XCTAssertTrue(String(describing: $0).contains("label 0"), String(describing: $0))
        }
        // Images and labels swapped: the magic number check names the file.
        try writeFile(folder + "/train-labels-idx1-ubyte.gz", try gzipBytes(IDX.encode(IDXArray(dims: [30, 4, 4], bytes: Array(repeating: 1, count: 480)))))
        XCTAssertThrowsError(try ImageDataset.load(.mnist, store: store, verifyChecksums: false)) {
            XCTAssertTrue(String(describing: $0).hasPrefix(folder + "/train-labels-idx1-ubyte.gz: magic"), String(describing: $0))
        }
    }
}
