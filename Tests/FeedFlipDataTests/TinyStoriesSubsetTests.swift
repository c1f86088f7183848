import XCTest
import FeedFlipCore
import FeedFlipData

/// Real-data tests on `../shared/data/tinystories/` (or `$FEEDFLIP_DATA/tinystories`).
final class TinyStoriesSubsetTests: XCTestCase {
    static var dataFolder: URL {
        if let env = ProcessInfo.processInfo.environment["FEEDFLIP_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env).appendingPathComponent("tinystories")
        }
        // Tests/FeedFlipDataTests/<this file> -> package root -> ../shared/data
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/data/tinystories")
    }

    func testSubsetStoriesSplitVocabularyAndBaselines() throws {
        let url = Self.dataFolder.appendingPathComponent("tinystories-subset.txt")
        let corpus = try TinyStoriesCorpus.load(url: url)
        XCTAssertEqual(corpus.format, .endOfText)
        XCTAssertEqual(corpus.count, 5724)
        XCTAssertEqual(corpus.skippedEmpty, 0)
        XCTAssertTrue(corpus.stories[0].hasPrefix("Once upon a time there was a little boy named Ben"))
        XCTAssertEqual(corpus.stories.filter { $0.hasPrefix("Once upon a time") }.count, 3327)

        let split = try corpus.split(validationFraction: 0.1, seed: 0)
        let again = try corpus.split(validationFraction: 0.1, seed: 0)
        XCTAssertEqual(split.validationIndices, again.validationIndices)
        XCTAssertEqual(split.train.count + split.validation.count, 5724)
        XCTAssertTrue(Set(split.train).isDisjoint(with: split.validation), "a story is in both parts")
        XCTAssertTrue(Set(split.trainIndices).isDisjoint(with: split.validationIndices))
        XCTAssertEqual(split.validation.count, 612, "the documented split of the subset changed")

        let data = split.dataset(context: 8)
        XCTAssertGreaterThan(data.vocabulary.count, 60)
        XCTAssertLessThan(data.vocabulary.count, 120)
        XCTAssertEqual(data.validation.count,
                       split.validation.reduce(0) { $0 + $1.unicodeScalars.count } + split.validation.count)
        let uni = TextBaselines.unigramBPC(train: data.train, validation: data.validation, vocabularySize: data.vocabulary.count)
        let bi = TextBaselines.bigramBPC(train: data.train, validation: data.validation, vocabularySize: data.vocabulary.count)
        // English characters: unigram about 4.1-4.4 bits, bigram about 3.3-3.6.
        XCTAssertGreaterThan(uni, 3.8); XCTAssertLessThan(uni, 4.7)
        XCTAssertGreaterThan(bi, 3.0); XCTAssertLessThan(bi, uni - 0.4)
        print("tinystories subset: vocabulary \(data.vocabulary.count), train windows \(data.train.count), validation windows \(data.validation.count), unigram \(uni) bpc, bigram \(bi) bpc")
    }

    func testBlankLineHeadReadsAsFlatHeldOutText() throws {
        let url = Self.dataFolder.appendingPathComponent("tinystories-v1-valid-head-blankline.txt")
        let flat = try TinyStoriesCorpus.load(url: url, format: .flat)
        XCTAssertEqual(flat.count, 1)
        XCTAssertTrue(flat.stories[0].hasPrefix("Spot. Spot saw the shiny car"))
        XCTAssertGreaterThan(flat.scalarCount, 700_000)
    }
}

/// The one-call loading the benchmark uses, through the data store.
final class TinyStoriesDataLoadTests: XCTestCase {
    func testLoadThroughTheStore() throws {
        let root = TinyStoriesSubsetTests.dataFolder.deletingLastPathComponent().path
        let path = try DataStore(dataDir: root, environment: [:]).locateTinyStories()
        XCTAssertTrue(path.hasSuffix("/tinystories/tinystories-subset.txt"), path)
        let d = try TinyStoriesData.load(path: path, context: 16)
        XCTAssertEqual(d.stories, 5724)
        XCTAssertEqual(d.validationStories, 612)
        XCTAssertEqual(d.trainStories + d.validationStories, d.stories)
        XCTAssertEqual(d.dataset.train.context, 16)
        XCTAssertEqual(d.bigramBPC, TextBaselines.bigramBPC(train: d.dataset.train, validation: d.dataset.validation,
                                                            vocabularySize: d.dataset.vocabulary.count), accuracy: 1e-12)
        XCTAssertLessThan(d.bigramBPC, d.unigramBPC)

        let flat = try TinyStoriesData.load(path: path, heldOutPath: TinyStoriesSubsetTests.dataFolder
            .appendingPathComponent("tinystories-v1-valid-head-blankline.txt").path, context: 16)
        XCTAssertEqual(flat.trainStories, 5724)
        XCTAssertEqual(flat.validationStories, 1)
        XCTAssertGreaterThan(flat.dataset.validation.count, 700_000)
        XCTAssertLessThan(flat.bigramBPC, flat.unigramBPC)
        print("held-out V1 head: unigram \(flat.unigramBPC) bpc, bigram \(flat.bigramBPC) bpc")
    }
}

/// The benchmark's acceptance check on real text, shortened to a few seconds: Backprop at depth 2
/// (the benchmark's width, context, embedding, windows per epoch and learning rate) beats the
/// add-one bigram baseline by at least 0.5 bits per character after 8 of its 50 epochs.
final class TinyStoriesBackpropCheckTests: XCTestCase {
    func testBackpropDepth2BeatsTheBigramBaselineByHalfABit() throws {
        let url = TinyStoriesSubsetTests.dataFolder.appendingPathComponent("tinystories-subset.txt")
        let config = CharModelConfig(variant: .backprop, depth: 2, epochs: 8, seed: 0)
        let d = try TinyStoriesData.load(path: url.path, context: config.context)
        let out = try CharModel.train(config: config, data: d.dataset)
        XCTAssertNil(out.result.divergedAtEpoch)
        let bpc = try XCTUnwrap(out.result.epochs.last?.bitsPerCharacter)
        XCTAssertLessThanOrEqual(bpc, d.bigramBPC - 0.5, "Backprop \(bpc) bpc vs bigram \(d.bigramBPC)")
        XCTAssertLessThan(out.result.epochs.last!.trainLoss, out.result.epochs.first!.trainLoss)
        XCTAssertTrue(out.sample.hasPrefix("Once upon a time"))
        XCTAssertGreaterThan(out.sample.count, 40)
    }
}
