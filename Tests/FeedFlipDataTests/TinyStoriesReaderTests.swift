import XCTest
import FeedFlipCore
import FeedFlipData

final class TinyStoriesReaderTests: XCTestCase {
    private func parse(_ s: String, _ f: TinyStoriesFormat? = nil) throws -> TinyStoriesCorpus {
        try TinyStoriesCorpus.parse(Array(s.utf8), format: f, source: "t.txt")
    }

    func testEndOfTextSeparatorsEmptyStoriesAndCRLF() throws {
        let text = "One day.\nA cat sat.\n<|endoftext|>\n\n<|endoftext|>\r\n  Second story.  \r\nEnd.\r\n <|endoftext|> \nTail without separator\n"
        let c = try parse(text)
        XCTAssertEqual(c.format, .endOfText)
        XCTAssertEqual(c.stories, ["One day.\nA cat sat.", "Second story.  \nEnd.", "Tail without separator"])
        XCTAssertEqual(c.skippedEmpty, 1)
    }

    func testSeparatorInsideALineIsText() throws {
        let c = try parse("a <|endoftext|> b\n<|endoftext|>\n")
        XCTAssertEqual(c.stories, ["a <|endoftext|> b"])
    }

    func testOnePerLineAndDetection() throws {
        let c = try parse("first story\n\nsecond “story”\n")
        XCTAssertEqual(c.format, .onePerLine)
        XCTAssertEqual(c.stories, ["first story", "second “story”"])
        XCTAssertEqual(c.skippedEmpty, 1)
    }

    func testFlatIsOneText() throws {
        let c = try parse("Para one.\n\nPara two.\n\n", .flat)
        XCTAssertEqual(c.stories, ["Para one.\n\nPara two."])
    }

    func testEmptyFileSaysSo() {
        XCTAssertThrowsError(try parse("")) { e in
            guard case let .malformed(path, place, problem, _)? = e as? DataError else { return XCTFail("\(e)") }
            XCTAssertEqual(path, "t.txt")
            XCTAssertEqual(place, "whole file")
            XCTAssertTrue(problem.contains("empty (0 bytes)"), problem)
        }
        XCTAssertThrowsError(try parse("\n<|endoftext|>\n  \n")) { e in
            guard case let .malformed(_, _, problem, _)? = e as? DataError else { return XCTFail("\(e)") }
            XCTAssertTrue(problem.contains("no stories"), problem)
        }
    }

    func testInvalidUTF8NamesTheByteOffset() {
        var bytes = Array("Once “upon”".utf8)   // “ is 3 bytes at offsets 5...7
        bytes.insert(0xFF, at: 9)
        XCTAssertThrowsError(try TinyStoriesCorpus.parse(bytes, source: "bad.txt")) { e in
            guard case let .malformed(path, place, problem, _)? = e as? DataError else { return XCTFail("\(e)") }
            XCTAssertEqual(path, "bad.txt")
            XCTAssertEqual(place, "byte offset 9")
            XCTAssertTrue(problem.contains("invalid UTF-8"), problem)
            XCTAssertTrue("\(e)".hasPrefix("bad.txt: byte offset 9: invalid UTF-8"), "\(e)")
        }
        // Truncated multi-byte sequence at the end, an overlong form and a surrogate.
        XCTAssertEqual(TextUTF8.firstInvalidOffset([0x41, 0xE2, 0x80]), 1)
        XCTAssertEqual(TextUTF8.firstInvalidOffset([0xC0, 0x80]), 0)
        XCTAssertEqual(TextUTF8.firstInvalidOffset([0x41, 0xED, 0xA0, 0x80]), 1)
        XCTAssertNil(TextUTF8.firstInvalidOffset(Array("ok “é” 🙂".utf8)))
    }

    func testLoadFromDiskAndMissingFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("s.txt")
        try Data("A.\n<|endoftext|>\nB.\n<|endoftext|>\n".utf8).write(to: f)
        XCTAssertEqual(try TinyStoriesCorpus.load(url: f).stories, ["A.", "B."])
        XCTAssertThrowsError(try TinyStoriesCorpus.load(url: dir.appendingPathComponent("nope.txt"))) { e in
            guard case .unreadable? = e as? DataError else { return XCTFail("\(e)") }
        }
    }

    func testSplitIsDeterministicDisjointAndCovering() throws {
        let c = TinyStoriesCorpus(stories: (0..<1000).map { "story \($0)" })
        let a = try c.split(validationFraction: 0.1, seed: 7)
        let b = try c.split(validationFraction: 0.1, seed: 7)
        XCTAssertEqual(a.validationIndices, b.validationIndices)
        XCTAssertTrue(Set(a.trainIndices).isDisjoint(with: a.validationIndices))
        XCTAssertEqual(Set(a.trainIndices).union(a.validationIndices), Set(0..<1000))
        XCTAssertGreaterThan(a.validation.count, 60)
        XCTAssertLessThan(a.validation.count, 140)
        let other = try c.split(validationFraction: 0.1, seed: 8)
        XCTAssertNotEqual(a.validationIndices, other.validationIndices)
        XCTAssertThrowsError(try c.split(validationFraction: 0, seed: 0)) { e in
            XCTAssertTrue("\(e)".contains("leaves the validation part of 1000 stories empty"), "\(e)")
        }
        XCTAssertThrowsError(try c.split(validationFraction: 1, seed: 0))
    }

    func testBaselinesOnATinyText() {
        // Train "ab" twice: targets a, b, end; validation "ab".
        let d = CharDataset(trainTexts: ["ab", "ab"], validationTexts: ["ab"], context: 2)
        XCTAssertEqual(d.vocabulary.count, 4)
        let v = 4.0
        // Unigram counts: a 2, b 2, boundary 2, unknown 0; N = 6.
        let uni = -(log2(3 / (6 + v)) * 3) / 3
        XCTAssertEqual(TextBaselines.unigramBPC(train: d.train, validation: d.validation, vocabularySize: 4), uni, accuracy: 1e-12)
        // Bigram: boundary->a 2/2, a->b 2/2, b->boundary 2/2.
        let bi = -log2(3 / (2 + v))
        XCTAssertEqual(TextBaselines.bigramBPC(train: d.train, validation: d.validation, vocabularySize: 4), bi, accuracy: 1e-12)
    }
}
