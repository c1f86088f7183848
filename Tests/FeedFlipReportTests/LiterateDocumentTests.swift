import FeedFlipReport
import XCTest

final class LiterateDocumentTests: XCTestCase {
    func testParsesEveryConstruct() throws {
        let doc = try Fixtures.document()
        guard case let .heading(1, title) = doc.blocks[0] else { return XCTFail("title") }
        XCTAssertEqual(title, [.text("Sample report: Δ & friends")])
        XCTAssertTrue(doc.blocks.contains(.tableDirective(name: "claims", line: 40, column: 1)), "\(doc.blocks)")
        XCTAssertTrue(doc.blocks.contains { if case .figureDirective("ts-heat-Backprop", _, 36, 1) = $0 { return true }; return false })
        XCTAssertTrue(doc.blocks.contains(.code(["make reproduce", "feedflip build --profile full --check"])))
        guard case let .paragraph(values)? = doc.blocks.first(where: {
            if case let .paragraph(xs) = $0, xs.contains(where: { if case .value = $0 { return true }; return false }) { return true }
            return false
        }) else { return XCTFail("value paragraph") }
        XCTAssertTrue(values.contains(.value(metric: "ts.rel_mse_pct[Vanilla DFA]", line: 10, column: 14)), "\(values)")
        XCTAssertTrue(values.contains(.value(metric: "ts.committed[d=1|k=1]", line: 10, column: 75)), "\(values)")
        let lists = doc.blocks.filter { if case .list = $0 { return true }; return false }
        XCTAssertEqual(lists.count, 2)
        guard case let .list(false, items) = lists[0] else { return XCTFail("list") }
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items[1].first, .paragraph([.text("second item continued on a second line")]))
        guard case .list(false, _)? = items[1].last else { return XCTFail("nested list: \(items[1])") }
    }

    func testDirectiveErrorsNameLineAndColumn() {
        let cases: [(String, String)] = [
            ("Intro\n\nText {{ valeu: ts.rel_mse_pct[Backprop] }} more",
             "paper/feedflipnets.md:3:6: unknown directive \"valeu\"; known: value, table, figure"),
            ("{{ chart: x }}", "paper/feedflipnets.md:1:1: unknown directive \"chart\"; known: value, table, figure"),
            ("A {{ value: ts.rel_mse[Backprop] }}", "paper/feedflipnets.md:1:3: unknown metric \"ts.rel_mse\"; known: ts.rel_mse_pct,"),
            ("A {{ value: ts.rel_mse_pct[Backprop] }", "paper/feedflipnets.md:1:3: unclosed {{; close the directive with }}"),
            ("A {{ table: claims }} inline", "paper/feedflipnets.md:1:3: the table directive must stand alone on its own line"),
            ("  {{ figure: heat }}", "paper/feedflipnets.md:1:3: the figure directive needs a name and a caption"),
            ("Some `code", "paper/feedflipnets.md:1:6: unclosed `"),
            ("x\n\n| a | b |\n| c | d |", "paper/feedflipnets.md:4:1: a table needs a delimiter row"),
            ("| a | b |\n|---|---|\n| c |", "paper/feedflipnets.md:3:1: this table row has 1 cells but the header has 2"),
            ("```\nnever closed", "paper/feedflipnets.md:1:1: unclosed code block"),
            ("- item {{ value: ts.rel_mse_pct[Nope] }}", "paper/feedflipnets.md:1:8: metric \"ts.rel_mse_pct[Nope]\": unknown variant \"Nope\""),
        ]
        for (source, prefix) in cases {
            do {
                _ = try LiterateDocument.parse(source, file: "paper/feedflipnets.md", variants: Fixtures.paperVariantsForFixtures)
                XCTFail("expected an error for \(source)")
            } catch {
                XCTAssertTrue(error.description.hasPrefix(prefix), "\(error.description)\n  expected: \(prefix)")
            }
        }
    }

    func testMissingDataRendersVisibleNotRunMarkers() throws {
        let blocks = try Fixtures.document().expanded(with: Fixtures.data)
        let markdown = MarkdownWriter.render(blocks)
        XCTAssertTrue(markdown.contains("**\\[not run: benchmark mnist is not in profile smoke\\]**"))
        XCTAssertTrue(markdown.contains("**\\[not run: table missing-table was not produced by this build\\]**"))
        XCTAssertTrue(markdown.contains("**\\[not run: figure missing-figure was not rendered by this build\\]**"))
        let latex = LatexWriter.render(blocks)
        XCTAssertTrue(latex.contains("\\notrun{benchmark mnist is not in profile smoke}"))
        XCTAssertTrue(latex.contains("\\notrun{figure missing-figure was not rendered by this build}"))
        // Nothing is left unexpanded.
        XCTAssertFalse(markdown.contains("{{"))
        XCTAssertFalse(latex.contains("was not expanded"))
    }

    func testPaperSourceParsesWithTheContractKeys() throws {
        let url = packageRoot.appendingPathComponent("paper/feedflipnets.md")
        let source = try String(contentsOf: url, encoding: .utf8)
        let doc = try LiterateDocument.parse(source, file: "paper/feedflipnets.md", variants: paperVariants)
        let empty = doc.expanded(with: ReportData())
        let markdown = MarkdownWriter.render(empty)
        XCTAssertTrue(markdown.contains("# FeedFlipNets"))
        XCTAssertTrue(markdown.contains("not run: metric ts.rel\\_mse\\_pct\\[Vanilla DFA\\] was not produced by this build"))
        // The eleven variants appear in the method table.
        for v in paperVariants { XCTAssertTrue(source.contains("| \(v) |"), v) }
    }
}

final class DocumentReferencesTests: XCTestCase {
    func testListsEveryDirectiveTarget() throws {
        let r = try Fixtures.document().references
        XCTAssertEqual(r.metrics, ["ts.rel_mse_pct[Vanilla DFA]", "ts.committed[d=1|k=1]",
                                   "mnist.test_accuracy[FeedFlip|d=2]", "tiny.bigram_bpc"])
        XCTAssertEqual(r.tables, ["ts-rel-mse", "missing-table", "claims", "claim-details", "findings", "provenance"])
        XCTAssertEqual(r.figures, ["ts-heat-Backprop", "missing-figure"])
    }
}
