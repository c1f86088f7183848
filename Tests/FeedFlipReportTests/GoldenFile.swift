import Foundation
import XCTest

/// Compares `text` with `Tests/FeedFlipReportTests/Golden/<name>`; re-records the file only when
/// the environment variable `FEEDFLIP_RECORD_GOLDEN=1` is set, and fails on any difference otherwise.
func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = packageRoot.appendingPathComponent("Tests/FeedFlipReportTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["FEEDFLIP_RECORD_GOLDEN"] == "1" {
        do { try text.write(to: url, atomically: true, encoding: .utf8) } catch {
            XCTFail("cannot record \(url.path): \(error)", file: file, line: line)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("missing golden file \(url.path); record it with FEEDFLIP_RECORD_GOLDEN=1", file: file, line: line)
        return
    }
    guard expected != text else { return }
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = text.split(separator: "\n", omittingEmptySubsequences: false)
    let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    let want = index < a.count ? String(a[index]) : "<end of file>"
    let got = index < b.count ? String(b[index]) : "<end of file>"
    XCTFail("\(name) differs from its golden file at line \(index + 1):\n  golden: \(want)\n  actual: \(got)\n"
            + "(re-record with FEEDFLIP_RECORD_GOLDEN=1 if the change is intended)", file: file, line: line)
}

/// A one-page PDF with a filled rectangle (a stand-in figure for compile tests).
func minimalPDF() -> Data {
    let content = "0 0.4 0.8 rg 10 10 180 80 re f\n"
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << >> >>",
        "<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream",
    ]
    var pdf = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (i, body) in objects.enumerated() {
        offsets.append(pdf.utf8.count)
        pdf += "\(i + 1) 0 obj\n\(body)\nendobj\n"
    }
    let xref = pdf.utf8.count
    pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for o in offsets { pdf += String(format: "%010d 00000 n \n", o) }
    pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(pdf.utf8)
}

/// Runs `executable` with `arguments` in `directory`, feeding `input`; returns (status, stdout+stderr).
func runTool(_ executable: String, _ arguments: [String], in directory: URL? = nil, input: String? = nil) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    let stdin = Pipe()
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The path of `tool` on PATH, if installed.
func which(_ tool: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
        let candidate = "\(dir)/\(tool)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}
