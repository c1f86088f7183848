/// The encoded text a character model trains and is evaluated on.
public struct CharDataset: Sendable {
    /// The vocabulary (from the training text) that encodes both parts.
    public let vocabulary: CharVocabulary
    /// Training windows.
    public let train: CharWindows
    /// Validation windows (held-out stories).
    public let validation: CharWindows

    /// Lays out already encoded stories (ids from `vocabulary`, no boundary symbols) as
    /// windows of `context` symbols.
    public init(vocabulary: CharVocabulary, trainStories: [[Int32]], validationStories: [[Int32]], context: Int) {
        self.vocabulary = vocabulary
        self.train = CharWindows(stories: trainStories, context: context)
        self.validation = CharWindows(stories: validationStories, context: context)
    }

    /// Encodes texts with a vocabulary built from `trainTexts` and lays them out as windows.
    public init(trainTexts: [String], validationTexts: [String], context: Int) {
        let vocab = CharVocabulary(counting: trainTexts)
        self.init(vocabulary: vocab, trainStories: trainTexts.map(vocab.encode),
                  validationStories: validationTexts.map(vocab.encode), context: context)
    }
}
