import XCTest
import FeedFlipCore

final class CharModelTests: XCTestCase {
    /// A tiny dataset: a few short stories over a 4-letter alphabet.
    private func tinyData(context: Int) -> CharDataset {
        CharDataset(trainTexts: ["abcab", "cabba", "bcaac", "aabbc"], validationTexts: ["abcab", "cab"], context: context)
    }

    /// Batch-mean cross-entropy (nats) of the network on all training windows, with the encoder's current table.
    private func loss(_ net: MinibatchNetwork, _ enc: EmbeddingEncoder, _ labels: [Int32]) -> Double {
        let n = labels.count
        var rows = [Float](repeating: 0, count: n * enc.inputDim)
        let idx = Array(0..<n)
        idx.withUnsafeBufferPointer { i in rows.withUnsafeMutableBufferPointer { enc.encode(.train, examples: i, into: $0.baseAddress!) } }
        let z = net.logits(rows: rows, count: n)
        let c = net.classes
        var s = 0.0
        for r in 0..<n {
            let row = (0..<c).map { Double(z[r * c + $0]) }
            let m = row.max()!
            let lse = m + log(row.reduce(0) { $0 + exp($1 - m) })
            s += lse - row[Int(labels[r])]
        }
        return s / Double(n)
    }

    /// One engine step on all training windows; returns the table before and after and the network.
    private func oneStep(_ variant: Variant, data: CharDataset, lr: Double) throws
        -> (net: MinibatchNetwork, before: EmbeddingEncoder, after: EmbeddingEncoder, labels: [Int32]) {
        let labels = CharModel.labels(of: data.train)
        let n = labels.count
        let cfg = MinibatchConfig(variant: variant, depth: 2, width: 8, epochs: 1, batchSize: n, learningRate: lr,
                                  seed: 3, examplesPerEpoch: n, metric: .bitsPerCharacter, evaluationChunk: n)
        let net = try MinibatchNetwork(config: cfg, inputDim: data.train.context * 3, classes: data.vocabulary.count)
        let before = EmbeddingEncoder(train: data.train, validation: data.validation, testWindows: [0, 1],
                                      vocabularySize: data.vocabulary.count, embedDim: 3, seed: 3)
        var after = before
        _ = try net.train(encoder: &after, trainLabels: labels, testLabels: CharModel.labels(of: data.validation).prefix(2).map { $0 })
        return (net, before, after, labels)
    }

    func testEmbeddingGradientMatchesFiniteDifferencesUnderBackprop() throws {
        let data = tinyData(context: 3)
        let lr = 1e-3
        let labels = CharModel.labels(of: data.train)
        // The network before the step: rebuild it with the same seed (initialisation is deterministic).
        let n = labels.count
        let cfg = MinibatchConfig(variant: .backprop, depth: 2, width: 8, epochs: 1, batchSize: n, learningRate: lr,
                                  seed: 3, examplesPerEpoch: n, metric: .bitsPerCharacter, evaluationChunk: n)
        let fresh = try MinibatchNetwork(config: cfg, inputDim: 9, classes: data.vocabulary.count)
        let step = try oneStep(.backprop, data: data, lr: lr)
        let h: Float = 1e-2
        var checked = 0
        for i in 0..<step.before.table.count {
            var plus = step.before, minus = step.before
            plus.table[i] += h
            minus.table[i] -= h
            let fd = (loss(fresh, plus, labels) - loss(fresh, minus, labels)) / Double(2 * h)
            let engine = Double(step.before.table[i] - step.after.table[i]) / lr
            XCTAssertEqual(engine, fd, accuracy: 2e-3 + 2e-2 * abs(fd), "table entry \(i)")
            if abs(fd) > 1e-3 { checked += 1 }
        }
        XCTAssertGreaterThan(checked, 6, "too few entries with a visible gradient")
        // Rows of symbols never in a training context (the unknown symbol) are untouched.
        let e = 3, unk = Int(CharVocabulary.unknown)
        XCTAssertEqual(Array(step.before.table[(unk * e)..<(unk * e + e)]), Array(step.after.table[(unk * e)..<(unk * e + e)]))
    }

    func testEmbeddingReceivesTheDFADeltaOfLayerZeroThroughW0() throws {
        let data = tinyData(context: 2)
        let lr = 1e-2
        let labels = CharModel.labels(of: data.train)
        let n = labels.count
        let cfg = MinibatchConfig(variant: .vanillaDFA, depth: 2, width: 8, epochs: 1, batchSize: n, learningRate: lr,
                                  seed: 3, examplesPerEpoch: n, metric: .bitsPerCharacter, evaluationChunk: n)
        let fresh = try MinibatchNetwork(config: cfg, inputDim: 6, classes: data.vocabulary.count)
        let step = try oneStep(.vanillaDFA, data: data, lr: lr)
        let c = data.vocabulary.count, w = 8, d = 6
        let (w0, b0) = fresh.parameters(layer: 0)
        let (w1, b1) = fresh.parameters(layer: 1)
        let (w2, b2) = fresh.parameters(layer: 2)
        let fb0 = fresh.feedback(layer: 0)  // (width, classes)
        var expected = step.before.table.map(Double.init)
        for r in 0..<n {
            var x = [Float](repeating: 0, count: d)
            [r].withUnsafeBufferPointer { i in x.withUnsafeMutableBufferPointer { step.before.encode(.train, examples: i, into: $0.baseAddress!) } }
            func dense(_ wt: [Float], _ b: [Float], _ a: [Double], _ fo: Int, _ fi: Int) -> [Double] {
                var out = [Double](repeating: 0, count: fo)
                for o in 0..<fo {
                    var acc = Double(b[o])
                    for i in 0..<fi { acc += Double(wt[o * fi + i]) * a[i] }
                    out[o] = acc
                }
                return out
            }
            let h1: [Double] = dense(w0, b0, x.map(Double.init), w, d).map { tanh($0) }
            let h2: [Double] = dense(w1, b1, h1, w, w).map { tanh($0) }
            let z = dense(w2, b2, h2, c, w)
            let m = z.max()!
            let ez: [Double] = z.map { exp($0 - m) }
            let s: Double = ez.reduce(0, +)
            var err: [Double] = ez.map { $0 / s }
            err[Int(labels[r])] -= 1
            var delta0 = [Double](repeating: 0, count: w)
            for j in 0..<w {
                var acc = 0.0
                for k in 0..<c { acc += err[k] * Double(fb0[j * c + k]) }
                delta0[j] = acc * (1 - h1[j] * h1[j])
            }
            var g = [Double](repeating: 0, count: d)
            for i in 0..<d {
                var acc = 0.0
                for j in 0..<w { acc += delta0[j] * Double(w0[j * d + i]) }
                g[i] = acc / Double(n)
            }
            let window = data.train.window(r).context
            for (p, sym) in window.enumerated() {
                for j in 0..<3 { expected[Int(sym) * 3 + j] -= lr * g[p * 3 + j] }
            }
        }
        for i in 0..<expected.count {
            XCTAssertEqual(Double(step.after.table[i]), expected[i], accuracy: 1e-5, "table entry \(i)")
        }
        XCTAssertNotEqual(step.before.table, step.after.table)
    }

    func testTrainingLearnsARepetitiveTextDeterministically() throws {
        let text = String(repeating: "abcd", count: 40)
        let data = CharDataset(trainTexts: [text, text], validationTexts: [text], context: 4)
        let cfg = CharModelConfig(variant: .backprop, depth: 2, width: 16, context: 4, embedDim: 4, windowsPerEpoch: 320,
                                  validationWindows: 100, batchSize: 16, learningRate: 0.3, epochs: 8, seed: 1,
                                  sampleLength: 12, samplePrompt: "ab", sampleTemperature: 0)
        let a = try CharModel.train(config: cfg, data: data)
        let b = try CharModel.train(config: cfg, data: data)
        XCTAssertNil(a.result.divergedAtEpoch)
        XCTAssertEqual(a.result.epochs.count, 8)
        XCTAssertEqual(a.result.epochs.map(\.bitsPerCharacter), b.result.epochs.map(\.bitsPerCharacter))
        XCTAssertEqual(a.sample, b.sample)
        let last = try XCTUnwrap(a.result.epochs.last?.bitsPerCharacter)
        XCTAssertEqual(last, a.result.epochs.last!.testLoss / log(2), accuracy: 1e-12)
        XCTAssertLessThan(last, 0.3, "a deterministic text should be nearly free")
        XCTAssertEqual(a.sample, "abcdabcdabcdab")
    }

    func testEveryVariantRunsAndBadConfigurationsAreErrors() throws {
        let data = tinyData(context: 3)
        for v in Variant.all {
            let cfg = CharModelConfig(variant: v, depth: 2, width: 8, context: 3, embedDim: 2, windowsPerEpoch: 40,
                                      validationWindows: 10, batchSize: 8, learningRate: 0.05, epochs: 2, seed: 0,
                                      sampleLength: 5, samplePrompt: "ab")
            let out = try CharModel.train(config: cfg, data: data)
            XCTAssertEqual(out.result.epochs.count, 2, v.name)
            XCTAssertTrue(out.result.epochs.allSatisfy { $0.bitsPerCharacter?.isFinite == true }, v.name)
            XCTAssertTrue(out.sample.hasPrefix("ab"), v.name)
        }
        var bad = CharModelConfig(variant: .backprop, context: 5)
        XCTAssertThrowsError(try CharModel.train(config: bad, data: data)) { e in
            guard case .shapeMismatch? = e as? MinibatchError else { return XCTFail("\(e)") }
        }
        bad = CharModelConfig(variant: .structuredDFA, width: 4, context: 3)
        XCTAssertThrowsError(try CharModel.train(config: bad, data: data))
        bad = CharModelConfig(variant: .backprop, context: 3, windowsPerEpoch: 0)
        XCTAssertThrowsError(try CharModel.train(config: bad, data: data)) { e in
            XCTAssertTrue("\(e)".contains("windowsPerEpoch"), "\(e)")
        }
    }

    func testEvaluationWindowsAreEvenlySpread() {
        XCTAssertEqual(CharModel.evaluationWindows(count: 4, available: 10), [0, 2, 5, 7])
        XCTAssertEqual(CharModel.evaluationWindows(count: 20, available: 3), [0, 1, 2])
        XCTAssertEqual(CharModel.evaluationWindows(count: 0, available: 3), [])
    }

    func testSamplerGreedyStopsAtBoundaryAndSkipsUnknown() {
        let vocab = CharVocabulary(counting: ["ab"])  // ids: 0 boundary, 1 unknown, 2 a, 3 b
        var calls = 0
        // Scores favour unknown (ignored), then alternate a/b, then end the story after 3 symbols.
        let greedy = CharSampler.sample(prompt: "a", length: 10, context: 2, vocabulary: vocab, temperature: 0, seed: 0) { ctx in
            calls += 1
            XCTAssertEqual(ctx.count, 2)
            if calls > 3 { return [5, 9, 0, 0] }
            return ctx.last == 2 ? [0, 9, 1, 2] : [0, 9, 2, 1]
        }
        XCTAssertEqual(greedy, "abab")
        let hot1 = CharSampler.sample(prompt: "", length: 30, context: 2, vocabulary: vocab, temperature: 1, seed: 4) { _ in [-50, 9, 0, 0] }
        let hot2 = CharSampler.sample(prompt: "", length: 30, context: 2, vocabulary: vocab, temperature: 1, seed: 4) { _ in [-50, 9, 0, 0] }
        XCTAssertEqual(hot1, hot2)
        XCTAssertEqual(hot1.count, 30)
        XCTAssertTrue(hot1.contains("a") && hot1.contains("b"))
    }
}
