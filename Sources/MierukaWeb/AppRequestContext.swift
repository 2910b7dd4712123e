import Hummingbird
import MierukaCore
import MierukaStore

/// Per-request state: who is asking (set by the authentication middleware) and their browser session, if any.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var viewer: Viewer?
    public var session: SessionRecord?
    public var sessionTokenHash: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}
