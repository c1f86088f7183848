import FeedFlipCore
import Foundation
import XCTest

/// Access to the shared golden files (`../shared/golden` from the package root).
enum Golden {
    /// The golden folder: `$FEEDFLIP_GOLDEN` when set, else `../shared/golden` beside the package.
    static var root: URL {
        if let env = ProcessInfo.processInfo.environment["FEEDFLIP_GOLDEN"] {
            return URL(fileURLWithPath: env)
        }
        let package = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return package.deletingLastPathComponent().appendingPathComponent("shared/golden")
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        let url = root.appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw XCTSkip("golden file missing: \(url.path)")
        }
        return [UInt8](data)
    }

    static func float64(_ relative: String) throws -> (values: [Double], shape: [Int]) {
        try NPY.decodeFloat64(bytes(relative))
    }

    static func uint32(_ relative: String) throws -> (values: [UInt32], shape: [Int]) {
        try NPY.decodeUInt32(bytes(relative))
    }

    /// The 200 noise values of `seed` from noise.csv.
    static func noise(seed: Int) throws -> [Double] {
        let text = String(decoding: try bytes("upstream-timeseries/noise.csv"), as: UTF8.self)
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            if let s = Int(fields[0]), s == seed { return fields.dropFirst().compactMap { Double($0) } }
        }
        throw XCTSkip("noise.csv has no row for seed \(seed)")
    }

    static let seeds = [0, 1, 2, 42, 12345]
}

/// |a - b| <= rel * max(|a|, |b|) + 1e-300 (NaNs never match).
func relativelyClose(_ a: Double, _ b: Double, _ rel: Double) -> Bool {
    abs(a - b) <= rel * max(abs(a), abs(b)) + 1e-300
}
