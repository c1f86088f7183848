import Foundation

/// Text generation from a trained character model, for the report's samples.
///
/// The context starts as `context` boundary symbols followed by the encoded prompt (its last
/// `context` symbols are used), exactly like the start of a story in `CharWindows`. Each step
/// asks `logits` for the next-symbol scores of the current context, picks a symbol and shifts
/// it in. Temperature 0 picks the arg-max (greedy, first maximum wins); otherwise the symbol is
/// drawn from softmax(logits / temperature) with `MinibatchRandom(seed:, stream: 6)`, so a
/// (model, prompt, seed) triple always gives the same text. Generation stops early when the
/// model emits the end-of-story (boundary) symbol. The unknown symbol is never emitted
/// (its score is ignored). The result is the prompt followed by the generated characters.
public enum CharSampler {
    /// The generator stream of sampling (after the engine's streams 1-5).
    public static let randomStream: UInt64 = 6

    /// Generates up to `length` characters after `prompt`.
    /// - Parameter logits: the model's scores for one context of `context` ids (oldest first);
    ///   returns `vocabulary.count` values.
    public static func sample(prompt: String, length: Int, context: Int, vocabulary: CharVocabulary,
                              temperature: Double, seed: UInt64,
                              logits: ([Int32]) -> [Float]) -> String {
        var ids = [Int32](repeating: CharVocabulary.boundary, count: context) + vocabulary.encode(prompt)
        var rng = MinibatchRandom(seed: seed, stream: randomStream)
        var generated = [Int32]()
        for _ in 0..<length {
            let z = logits(Array(ids.suffix(context)))
            let next = pick(z, temperature: temperature, rng: &rng)
            if next == CharVocabulary.boundary { break }
            generated.append(next)
            ids.append(next)
        }
        return prompt + vocabulary.decode(generated)
    }

    /// Picks one symbol from scores `z` (see the type's summary); never the unknown symbol.
    static func pick(_ z: [Float], temperature: Double, rng: inout MinibatchRandom) -> Int32 {
        let allowed = z.indices.filter { $0 != Int(CharVocabulary.unknown) }
        guard let best = allowed.max(by: { z[$0] < z[$1] || (z[$0] == z[$1] && $0 > $1) }) else { return CharVocabulary.boundary }
        if temperature == 0 || !z[best].isFinite { return Int32(best) }
        let mx = Double(z[best])
        var weights = [Double](repeating: 0, count: z.count)
        var total = 0.0
        for i in allowed {
            let w = exp((Double(z[i]) - mx) / temperature)
            weights[i] = w.isFinite ? w : 0
            total += weights[i]
        }
        var u = rng.nextDouble() * total
        for i in allowed {
            u -= weights[i]
            if u < 0 { return Int32(i) }
        }
        return Int32(best)
    }
}
