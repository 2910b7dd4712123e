import Crypto
import Foundation

/// The signature every delivery carries in X-Mieruka-Signature: `sha256=` + hex HMAC-SHA256(secret, timestamp + "." + body),
/// with the timestamp of X-Mieruka-Timestamp (Unix seconds). Signing the timestamp lets a receiver refuse replays.
public enum WebhookSignature {
    public static func sign(secret: String, timestamp: String, body: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data((timestamp + "." + body).utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `signature` is this body's and timestamp's under `secret` (compared in constant time).
    public static func verify(secret: String, timestamp: String, body: String, signature: String) -> Bool {
        let expected = Array(sign(secret: secret, timestamp: timestamp, body: body).utf8)
        let given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A new subscription secret: 32 random bytes as hex, prefixed so it is recognisable in a config file.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return "whsec_" + (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
