import XCTest
import Foundation
import FeedFlipCore
import FeedFlipData

/// The accuracy measurement of the MNIST benchmark (full 60k/10k, depth 2, 20 epochs, seed 0).
/// Not part of the normal suite: it runs only with `FEEDFLIP_MNIST_ACCURACY=1` and prints a table.
/// Optional: `FEEDFLIP_MNIST_VARIANTS` (comma-separated file names), `..._EPOCHS`, `..._LR`,
/// `..._BATCH`, `..._DEPTH`, `..._TRAIN` (limit), `..._THREADS` (OpenBLAS threads).
final class MNISTAccuracyRun: XCTestCase {
    func testMeasureAccuracyTable() throws {
        let env = ProcessInfo.processInfo.environment
        guard env["FEEDFLIP_MNIST_ACCURACY"] == "1" else { throw XCTSkip("set FEEDFLIP_MNIST_ACCURACY=1 to measure") }
        let store = DataStore(dataDir: env["FEEDFLIP_DATA"] == nil ? "../shared/data" : nil)
        let limit = env["FEEDFLIP_MNIST_TRAIN"].flatMap(Int.init)
        let data = try ImageDataset.load(.mnist, store: store, trainLimit: limit)
        let variants = try env["FEEDFLIP_MNIST_VARIANTS"].map { try $0.split(separator: ",").map { try Variant.named(String($0)) } } ?? Variant.all
        MinibatchBLAS.setThreads(env["FEEDFLIP_MNIST_THREADS"].flatMap(Int.init) ?? 1)
        var lines: [String] = []
        for v in variants {
            let config = MinibatchConfig(variant: v, depth: env["FEEDFLIP_MNIST_DEPTH"].flatMap(Int.init) ?? 2, width: 256,
                                         epochs: env["FEEDFLIP_MNIST_EPOCHS"].flatMap(Int.init) ?? 20,
                                         batchSize: env["FEEDFLIP_MNIST_BATCH"].flatMap(Int.init) ?? 64,
                                         learningRate: env["FEEDFLIP_MNIST_LR"].flatMap(Double.init) ?? 0.1, seed: 0)
            let r = try MinibatchTraining.train(config: config, train: data.train, test: data.test, classes: 10) { e, m in
                print(String(format: "%@ epoch %d: train loss %.4f test loss %.4f acc %.4f (%.1f s)",
                             v.name, e, m.trainLoss, m.testLoss, m.testAccuracy ?? .nan, m.seconds))
            }
            let acc = r.epochs.last?.testAccuracy ?? .nan
            let secs = r.epochs.map(\.seconds).reduce(0, +)
            let line = String(format: "| %@ | %.2f%% | %@ | %.0f s |", v.name, acc * 100,
                              r.divergedAtEpoch.map { "epoch \($0)" } ?? "no", secs)
            print(line)
            lines.append(line)
        }
        print((["| variant | test accuracy | diverged | time |", "|---|---|---|---|"] + lines).joined(separator: "\n"))
    }
}
