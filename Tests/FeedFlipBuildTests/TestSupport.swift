import XCTest
import Foundation
import FeedFlipCore
import FeedFlipBuild

/// A fresh folder under the system temporary directory, removed when the test ends.
func makeTemporaryFolder(_ test: XCTestCase, file: StaticString = #filePath, line: UInt = #line) -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("feedflip-build-tests-\(UUID().uuidString)", isDirectory: true)
    XCTAssertNoThrow(try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true),
                     file: file, line: line)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Every regular file below `folder`, as paths relative to it, sorted.
func filesBelow(_ folder: URL) -> [String] {
    guard let e = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    var out: [String] = []
    while let p = e.nextObject() as? String {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(p).path, isDirectory: &isDir), !isDir.boolValue {
            out.append(p)
        }
    }
    return out.sorted()
}

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A valid experiment file with every benchmark, small enough to plan instantly. Tests make
/// malformed variants by replacing one exact substring.
let sampleExperiments = """
{
  "version": 1,
  "default_profile": "tiny",
  "profiles": {
    "tiny": {
      "description": "unit tests",
      "timeseries": { "variants": ["Backprop", "Vanilla DFA"], "depths": [1, 2], "freqs": [1, 3], "seeds": [0, 1], "epochs": 5, "rng": "reference" },
      "committed": { "depths": [1, 2], "freqs": [1], "seed": 0, "epochs": 7 },
      "mnist": { "variants": ["Backprop", "Vanilla DFA"], "depths": [2], "seeds": [0, 1], "epochs": 2, "width": 16, "batch_size": 32, "learning_rate": 0.05, "train_limit": 100, "test_limit": 50 },
      "tinystories": { "variants": ["Backprop"], "depths": [1], "seeds": [0], "epochs": 1, "width": 32, "batch_size": 16, "learning_rate": 0.1, "context": 8, "embed_dim": 4, "windows_per_epoch": 64, "validation_windows": 32 }
    },
    "other": {
      "description": "a second profile",
      "timeseries": { "variants": "all", "depths": [1], "freqs": [1], "seeds": [0], "epochs": 3, "rng": "fast" }
    }
  }
}
"""

/// `text` with `old` replaced by `new`; fails the test when `old` does not occur exactly once.
func replacing(_ text: String, _ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    let parts = text.components(separatedBy: old)
    XCTAssertEqual(parts.count, 2, "\"\(old)\" must occur exactly once", file: file, line: line)
    return parts.joined(separator: new)
}

/// Writes `text` to `name` in `folder` and loads it as an experiment file.
func loadExperiments(_ text: String, in folder: URL, name: String = "experiments.json") throws(BuildError) -> ExperimentFile {
    let url = folder.appendingPathComponent(name)
    do { try Data(text.utf8).write(to: url) } catch { XCTFail("cannot write \(url.path): \(error)") }
    return try ExperimentFile.load(url)
}

/// The named profile of `text` (which must be a valid experiment file).
func sampleProfile(_ text: String = sampleExperiments, _ name: String = "tiny", in folder: URL) throws -> Profile {
    try loadExperiments(text, in: folder).profile(name)
}

/// A stored cell of `key` holding a time-series outcome.
func storedTimeSeriesCell(_ cell: Cell, mse: [Double] = [0.5, 0.25], seconds: Double = 1) -> StoredCell {
    StoredCell(format: StoredCell.currentFormat, key: cell.key, cell: cell.canonical,
               outcome: .timeSeries(TimeSeriesResult(mse: mse)), wallSeconds: seconds, cpuSeconds: seconds)
}
