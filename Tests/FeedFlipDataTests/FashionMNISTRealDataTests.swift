import XCTest
import Foundation
import FeedFlipData

/// Fashion-MNIST from Debian's `dataset-fashion-mnist` (/usr/share/datasets/fashion-mnist) or
/// `<data root>/fashion-mnist`; skipped when neither is present.
final class FashionMNISTRealDataTests: XCTestCase {
    func testCountsAndBalancedLabels() throws {
        let store = DataStore()
        let located: (folder: String, files: [String: String])
        do { located = try store.locate(.fashionMNIST) } catch {
            throw XCTSkip("Fashion-MNIST not installed (apt-get install dataset-fashion-mnist): \(error)")
        }
        let d = try ImageDataset.load(.fashionMNIST, folder: located.folder, files: located.files)
        XCTAssertEqual(d.train.count, 60000); XCTAssertEqual(d.test.count, 10000); XCTAssertEqual(d.train.dim, 784)
        func histogram(_ l: [Int32]) -> [Int] {
            var h = [Int](repeating: 0, count: 10)
            for x in l { h[Int(x)] += 1 }
            return h
        }
        // Fashion-MNIST is exactly balanced: 6,000 training and 1,000 test images per class.
        XCTAssertEqual(histogram(d.train.labels), Array(repeating: 6000, count: 10))
        XCTAssertEqual(histogram(d.test.labels), Array(repeating: 1000, count: 10))
        XCTAssertEqual(d.sha256.count, 4)
    }
}
