import XCTest
import Foundation
import FeedFlipData

/// The real MNIST files of `../shared/data/mnist` (or `$FEEDFLIP_DATA/mnist`), as the data README lists them.
final class MNISTRealDataTests: XCTestCase {
    func testLabelHistogramsChecksumsAndPixelMean() throws {
        let env = ProcessInfo.processInfo.environment
        let store = DataStore(dataDir: env["FEEDFLIP_DATA"] == nil ? "../shared/data" : nil)
        let located: (folder: String, files: [String: String])
        do { located = try store.locate(.mnist) } catch {
            throw XCTSkip("real MNIST not available: \(error)")
        }
        let d = try ImageDataset.load(.mnist, folder: located.folder, files: located.files)
        XCTAssertEqual(d.sha256, ImageDatasetKind.mnist.decompressedSHA256)
        XCTAssertEqual(d.train.count, 60000); XCTAssertEqual(d.test.count, 10000); XCTAssertEqual(d.train.dim, 784)
        func histogram(_ l: [Int32]) -> [Int] {
            var h = [Int](repeating: 0, count: 10)
            for x in l { h[Int(x)] += 1 }
            return h
        }
        XCTAssertEqual(histogram(d.train.labels), [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
        XCTAssertEqual(histogram(d.test.labels), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
        XCTAssertEqual(d.train.labels.prefix(10), [5, 0, 4, 1, 9, 2, 1, 3, 1, 4])
        XCTAssertEqual(d.test.labels.prefix(10), [7, 2, 1, 0, 4, 1, 4, 9, 5, 9])
        XCTAssertEqual(d.pixelMean * 255, 33.3184, accuracy: 1e-4)
    }
}
