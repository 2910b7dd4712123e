/// The seed's opportunity-rate benchmarks per lead channel (000: 商談化率の目安は、チャネルによって大きく変わります).
/// The catalog's opportunity_rate states the same ranges in its benchmark text; a test keeps the two in step.
public enum ChannelBenchmark {
    /// The seed the ranges come from.
    public static let seed = "000"

    /// 資料請求 10–30 %, 展示会 1–5 %, セミナー 5–10 %; the seed gives no range for any other channel.
    public static let bands: [String: KPIBand] = [
        KnownChannel.documentRequest.rawValue: KPIBand(low: 0.10, high: 0.30),
        KnownChannel.tradeShow.rawValue: KPIBand(low: 0.01, high: 0.05),
        KnownChannel.seminar.rawValue: KPIBand(low: 0.05, high: 0.10),
    ]

    public static func band(for channel: String?) -> KPIBand? { channel.flatMap { bands[$0] } }
}
