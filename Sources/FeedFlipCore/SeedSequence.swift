/// NumPy's `SeedSequence` for a non-negative integer entropy and no spawn key
/// (numpy/random/bit_generator.pyx): a 4-word pool built by hash mixing, from which
/// `generateState` draws any number of 32-bit words.
public struct SeedSequence: Sendable, Hashable {
    /// The mixed entropy pool (4 words).
    public let pool: [UInt32]

    private static let initA: UInt32 = 0x43b0_d7e5
    private static let multA: UInt32 = 0x931e_8875
    private static let initB: UInt32 = 0x8b51_f9dd
    private static let multB: UInt32 = 0x58f3_8ded
    private static let mixMultL: UInt32 = 0xca01_f9dd
    private static let mixMultR: UInt32 = 0x4973_f715
    private static let xshift: UInt32 = 16
    private static let poolSize = 4

    /// `SeedSequence(entropy)`: the entropy is split into 32-bit words, least significant first
    /// (zero gives the single word 0).
    public init(entropy: UInt64) {
        var words: [UInt32] = []
        var n = entropy
        if n == 0 { words.append(0) }
        while n > 0 {
            words.append(UInt32(truncatingIfNeeded: n))
            n >>= 32
        }
        var hashConst = SeedSequence.initA
        func hashmix(_ value: UInt32) -> UInt32 {
            var v = value ^ hashConst
            hashConst = hashConst &* SeedSequence.multA
            v = v &* hashConst
            v ^= v >> SeedSequence.xshift
            return v
        }
        func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
            var r = SeedSequence.mixMultL &* x &- SeedSequence.mixMultR &* y
            r ^= r >> SeedSequence.xshift
            return r
        }
        var mixer = [UInt32](repeating: 0, count: SeedSequence.poolSize)
        for i in 0..<mixer.count {
            mixer[i] = hashmix(i < words.count ? words[i] : 0)
        }
        for src in 0..<mixer.count {
            for dst in 0..<mixer.count where src != dst {
                mixer[dst] = mix(mixer[dst], hashmix(mixer[src]))
            }
        }
        if words.count > mixer.count {
            for src in mixer.count..<words.count {
                for dst in 0..<mixer.count {
                    mixer[dst] = mix(mixer[dst], hashmix(words[src]))
                }
            }
        }
        pool = mixer
    }

    /// `generate_state(count, np.uint32)`: `count` 32-bit words drawn from the pool.
    public func generateState32(count: Int) -> [UInt32] {
        var hashConst = SeedSequence.initB
        var out = [UInt32](repeating: 0, count: count)
        for i in 0..<count {
            var v = pool[i % pool.count]
            v ^= hashConst
            hashConst = hashConst &* SeedSequence.multB
            v = v &* hashConst
            v ^= v >> SeedSequence.xshift
            out[i] = v
        }
        return out
    }

    /// `generate_state(count, np.uint64)`: pairs of 32-bit words, the first one low.
    public func generateState64(count: Int) -> [UInt64] {
        let w = generateState32(count: 2 * count)
        return (0..<count).map { UInt64(w[2 * $0]) | (UInt64(w[2 * $0 + 1]) << 32) }
    }
}
