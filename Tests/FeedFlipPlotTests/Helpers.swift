// Test helpers: pixel colour matching and poppler-utils (pdfinfo, pdftotext) via Process.

import FeedFlipPlot
import Foundation
import XCTest

/// The 8-bit value of a colour channel as cairo writes it.
func byte(_ c: Double) -> Int { Int((c * 255).rounded()) }

/// Whether pixel (x, y) is within `tolerance` (per channel, 0...255) of `color` over white.
func matches(_ image: RasterImage, _ x: Int, _ y: Int, _ color: Color, tolerance: Int = 2) -> Bool {
    let p = image.pixel(x, y)
    let a = color.alpha
    let expected = [color.red, color.green, color.blue].map { byte($0 * a + (1 - a)) }
    return abs(Int(p.red) - expected[0]) <= tolerance && abs(Int(p.green) - expected[1]) <= tolerance
        && abs(Int(p.blue) - expected[2]) <= tolerance
}

/// Runs a poppler-utils tool on PDF bytes and returns its standard output; skips the test
/// when the tool is not installed.
func poppler(_ tool: String, _ pdf: [UInt8], arguments: [String] = []) throws -> String {
    let path = "/usr/bin/\(tool)"
    guard FileManager.default.isExecutableFile(atPath: path) else {
        throw XCTSkip("\(tool) (poppler-utils) is not installed")
    }
    let file = FileManager.default.temporaryDirectory
        .appendingPathComponent("feedflip-plot-\(UUID().uuidString).pdf")
    try Data(pdf).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments + [file.path] + (tool == "pdftotext" ? ["-"] : [])
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "\(tool) failed")
    return String(decoding: data, as: UTF8.self)
}
