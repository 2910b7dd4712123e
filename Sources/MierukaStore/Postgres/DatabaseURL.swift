import Foundation
import PostgresNIO

/// A PostgreSQL connection URL: postgres://user:password@host:port/database?sslmode=disable|prefer|require.
struct DatabaseURL: Sendable {
    var user: String
    var password: String?
    var host: String
    var port: Int
    var database: String
    var sslMode: String

    init(_ text: String) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw StoreError.invalidDatabaseURL(text.contains("@") ? "(not shown: it holds a password)" : text)
        }
        user = components.user ?? "postgres"
        password = components.password
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        port = components.port ?? 5432
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        sslMode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
    }

    var tls: PostgresClient.Configuration.TLS {
        switch sslMode {
        case "require", "verify-ca", "verify-full": return .require(.makeClientConfiguration())
        case "prefer", "allow": return .prefer(.makeClientConfiguration())
        default: return .disable
        }
    }

    var connectionTLS: PostgresConnection.Configuration.TLS {
        get throws {
        switch sslMode {
        case "require", "verify-ca", "verify-full": return .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case "prefer", "allow": return .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default: return .disable
        }
        }
    }

    /// The URL without the password, safe to print.
    var redacted: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}
