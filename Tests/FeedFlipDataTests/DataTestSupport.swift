import Foundation
import XCTest
import FeedFlipData

/// A fresh temporary folder, removed by the caller's `defer`.
func makeTempDir(_ tag: String) throws -> String {
    let dir = NSTemporaryDirectory() + "feedflip-\(tag)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// gzip-compresses `bytes` with the system `gzip -n` (as the README's files were written).
func gzipBytes(_ bytes: [UInt8]) throws -> [UInt8] {
    let dir = try makeTempDir("gz")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/x"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", "gzip -n -6 \"\(path)\""]
    try p.run()
    p.waitUntilExit()
    XCTAssertEqual(p.terminationStatus, 0)
    return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path + ".gz")))
}

/// Writes `bytes` to `path`.
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// A small synthetic image dataset (rows x cols images, 10 classes) as the four canonical gzip
/// files in `folder`; returns the decompressed SHA-256 per file name.
@discardableResult
func writeSyntheticIDX(folder: String, train: Int = 50, test: Int = 20, rows: Int = 4, cols: Int = 4) throws -> [String: String] {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    func images(_ n: Int, _ salt: Int) -> IDXArray {
        IDXArray(dims: [n, rows, cols], bytes: (0..<(n * rows * cols)).map { UInt8(truncatingIfNeeded: ($0 * 37 + salt * 11) % 256) })
    }
    func labels(_ n: Int) -> IDXArray { IDXArray(dims: [n], bytes: (0..<n).map { UInt8($0 % 10) }) }
    let contents: [String: [UInt8]] = [
        "train-images-idx3-ubyte.gz": IDX.encode(images(train, 1)),
        "train-labels-idx1-ubyte.gz": IDX.encode(labels(train)),
        "t10k-images-idx3-ubyte.gz": IDX.encode(images(test, 2)),
        "t10k-labels-idx1-ubyte.gz": IDX.encode(labels(test)),
    ]
    var sums: [String: String] = [:]
    for (name, raw) in contents {
        try writeFile(folder + "/" + name, try gzipBytes(raw))
        sums[name] = SHA256Hasher.hex(raw)
    }
    return sums
}
