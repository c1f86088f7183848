import FeedFlipReport
import Foundation
import XCTest

/// Renders documents with every directive kind and checks them with the real tools:
/// `latexmk -pdf` (pdflatex) for LaTeX and `cmark-gfm` for Markdown. Set FEEDFLIP_KEEP_LATEX=1
/// to keep the temporary LaTeX folders for inspection.
final class ExternalToolTests: XCTestCase {
    /// The paper's own source and claims with synthetic values for part of the metrics.
    private func paperReport() throws -> (LiterateDocument, ReportData) {
        let source = try String(contentsOf: packageRoot.appendingPathComponent("paper/feedflipnets.md"), encoding: .utf8)
        let doc = try LiterateDocument.parse(source, file: "paper/feedflipnets.md", variants: paperVariants)
        let claims = try ClaimSet.load(from: packageRoot.appendingPathComponent("paper/claims.json"), variants: paperVariants)
        var estimates: [String: Estimate] = [:]
        for (i, v) in paperVariants.enumerated() {
            estimates[MetricKey.tsRelMSEPercent(v)] = Estimate(samples: (0..<10).map { Double(i * 17 + $0) })
            estimates[MetricKey.tsSeedSpread(v)] = .point(Double(i) / 10)
        }
        estimates[MetricKey.tsCommitted(depth: 1, frequency: 1)] = .point(0.1320558514171195)
        estimates[MetricKey.tsCommitted(depth: 2, frequency: 3)] = .point(0.49)
        let metrics = MetricTable(estimates: estimates, notRunReasons: [
            "mnist": "benchmark mnist is not in profile quick", "tiny": "benchmark tiny is not in profile quick"])
        let data = ReportData(
            metrics: metrics, results: Verdicts.evaluate(claims: claims, metrics: metrics),
            tables: ["ts-rel-mse": ReportTable(columns: ["Variant", "Rel. MSE↑ (%)", "Per-cell (%)"],
                                               rows: paperVariants.map { [$0, "12.5 [10.1, 14.9], n = 10", "13"] },
                                               caption: "Relative final MSE over Backprop")],
            figures: ["ts-heat-Backprop": FigurePaths(png: "figures/ts-heat-Backprop.png", pdf: "figures/ts-heat-Backprop.pdf")],
            commands: Dictionary(uniqueKeysWithValues: claims.claims.map {
                ($0.id, "feedflip build --profile full --only \($0.id.split(separator: ".")[0]) --check") }),
            provenance: ["commit 0123abc (clean)", "profile quick"], timestamp: "Generated 2026-12-03T19:00:00Z")
        return (doc, data)
    }

    private func compile(_ tex: String, name: String) throws -> String {
        guard let latexmk = which("latexmk") else { throw XCTSkip("latexmk is not installed") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("feedflip-report-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("figures"), withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["FEEDFLIP_KEEP_LATEX"] == nil { try? FileManager.default.removeItem(at: dir) } }
        try minimalPDF().write(to: dir.appendingPathComponent("figures/ts-heat-Backprop.pdf"))
        try tex.write(to: dir.appendingPathComponent("\(name).tex"), atomically: true, encoding: .utf8)
        let (status, output) = try runTool(latexmk, ["-pdf", "-interaction=nonstopmode", "-halt-on-error", "\(name).tex"], in: dir)
        let log = (try? String(contentsOf: dir.appendingPathComponent("\(name).log"), encoding: .isoLatin1)) ?? ""
        XCTAssertEqual(status, 0, "latexmk failed:\n\(output.suffix(3000))")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("\(name).pdf").path))
        return log
    }

    private func assertCleanLog(_ log: String) {
        for problem in ["Overfull \\hbox", "Overfull \\vbox", "Missing character", "LaTeX Error", "Undefined control sequence",
                        "There were undefined references"] {
            let lines = log.split(separator: "\n").filter { $0.contains(problem) }
            XCTAssertTrue(lines.isEmpty, "\(problem) in the LaTeX log:\n" + lines.prefix(5).joined(separator: "\n"))
        }
    }

    func testSampleCompilesWithLatexmk() throws {
        let tex = LatexWriter.report(document: try Fixtures.document(), data: Fixtures.data)
        assertCleanLog(try compile(tex, name: "sample"))
    }

    func testPaperCompilesWithLatexmk() throws {
        let (doc, data) = try paperReport()
        let tex = LatexWriter.report(document: doc, data: data)
        XCTAssertFalse(tex.contains("[U+"), "a character of the paper or its claims has no LaTeX spelling")
        assertCleanLog(try compile(tex, name: "paper"))
    }

    /// cmark-gfm renders every table with the right number of cells per row, the figures as
    /// images, and no directive text.
    func testMarkdownRendersWithCmarkGFM() throws {
        guard let cmark = which("cmark-gfm") else { throw XCTSkip("cmark-gfm is not installed") }
        let (doc, data) = try paperReport()
        for (markdown, blocks) in [
            (MarkdownWriter.report(document: try Fixtures.document(), data: Fixtures.data), try Fixtures.document().expanded(with: Fixtures.data)),
            (MarkdownWriter.report(document: doc, data: data), doc.expanded(with: data)),
        ] {
            let (status, html) = try runTool(cmark, ["--extension", "table", "--to", "html"], input: markdown)
            XCTAssertEqual(status, 0, html)
            let tables = blocks.compactMap { b -> Int? in if case let .table(header, _, _) = b { return header.count }; return nil }
            XCTAssertEqual(html.components(separatedBy: "<table>").count - 1, tables.count)
            // Each table's rows have exactly its header's number of cells.
            let htmlTables = html.components(separatedBy: "<table>").dropFirst()
            for (columns, table) in zip(tables, htmlTables) {
                let body = table.components(separatedBy: "</table>")[0]
                for row in body.components(separatedBy: "<tr>").dropFirst() {
                    let cells = row.components(separatedBy: "<td").count - 1 + row.components(separatedBy: "<th").count - 1
                    XCTAssertEqual(cells, columns, "row: \(row)")
                }
            }
            let figures = blocks.filter { if case .figure = $0 { return true }; return false }.count
            XCTAssertEqual(html.components(separatedBy: "<img src=\"figures/").count - 1, figures)
            XCTAssertFalse(html.contains("{{"))
            XCTAssertFalse(html.contains("\\["), "a backslash escape leaked into the HTML")
            XCTAssertTrue(html.contains("[not run: "))
        }
    }
}
