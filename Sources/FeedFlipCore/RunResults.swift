/// Which random streams a time-series run uses.
public enum RandomMode: String, Sendable, Codable, CaseIterable {
    /// Reproduces the original NumPy implementation's streams exactly (METHODS.md Part 3).
    case reference
    /// The engine's own documented, seeded generators; fastest.
    case fast
}

/// The loss curve of one time-series run and the metrics derived from it.
public struct TimeSeriesResult: Codable, Hashable, Sendable {
    /// `mse[e]` is the mean squared error of epoch e's forward pass, before update e.
    /// Length `epochs`, or shorter when the run diverged.
    public var mse: [Double]
    /// The epoch at which the loss first became NaN or infinite, if it did.
    public var divergedAtEpoch: Int?

    public init(mse: [Double], divergedAtEpoch: Int? = nil) {
        self.mse = mse
        self.divergedAtEpoch = divergedAtEpoch
    }

    /// The last recorded MSE (after `epochs - 1` updates); NaN when nothing was recorded.
    public var finalMSE: Double { mse.last ?? .nan }

    /// Area under the curve by the trapezoid rule with unit spacing.
    public var auc: Double {
        guard mse.count > 1 else { return 0 }
        var s = 0.0
        for i in 1..<mse.count { s += 0.5 * (mse[i - 1] + mse[i]) }
        return s
    }

    /// The first epoch whose recorded MSE is below `threshold` (default 0.01), if any.
    public func firstEpoch(below threshold: Double = 0.01) -> Int? {
        mse.firstIndex(where: { $0 < threshold })
    }
}

/// Metrics of one epoch of a minibatch run (MNIST, TinyStories).
public struct EpochMetrics: Codable, Hashable, Sendable {
    /// Mean training loss over the epoch's minibatches (nats per example).
    public var trainLoss: Double
    /// Loss on the held-out split after the epoch (nats per example).
    public var testLoss: Double
    /// Held-out accuracy after the epoch, as a fraction in [0, 1] (classification only).
    public var testAccuracy: Double?
    /// Held-out bits per character after the epoch (language modelling only).
    public var bitsPerCharacter: Double?
    /// Wall-clock seconds the epoch took (training and evaluation).
    public var seconds: Double

    public init(trainLoss: Double, testLoss: Double, testAccuracy: Double? = nil,
                bitsPerCharacter: Double? = nil, seconds: Double) {
        self.trainLoss = trainLoss
        self.testLoss = testLoss
        self.testAccuracy = testAccuracy
        self.bitsPerCharacter = bitsPerCharacter
        self.seconds = seconds
    }
}

/// The record of one minibatch training run.
public struct MinibatchResult: Codable, Hashable, Sendable {
    /// One entry per completed epoch.
    public var epochs: [EpochMetrics]
    /// The epoch at which a loss became NaN or infinite and the run stopped, if it did.
    public var divergedAtEpoch: Int?

    public init(epochs: [EpochMetrics], divergedAtEpoch: Int? = nil) {
        self.epochs = epochs
        self.divergedAtEpoch = divergedAtEpoch
    }
}
