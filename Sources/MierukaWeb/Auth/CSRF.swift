import HTTPTypes
import Hummingbird

/// The one CSRF check: every state-changing request made with a browser session carries the session's token — a form
/// in its `csrf` field, an API call in the X-CSRF-Token header. Bearer-token calls (no cookie) need none.
extension AppRequestContext {
    /// A form's token; refused without a session or with a missing or wrong token.
    func checkCSRF(_ sent: String?) throws {
        guard let session, let sent, Secrets.equal(sent, session.csrf) else {
            throw HTTPError(.forbidden, message: "missing or wrong CSRF token")
        }
    }

    /// An API call's X-CSRF-Token header, required only when the call comes with a browser session.
    func requireCSRFHeader(_ request: Request) throws {
        guard let session else { return }
        guard let sent = request.headers[HTTPField.Name("X-CSRF-Token")!], Secrets.equal(sent, session.csrf) else {
            throw HTTPError(.forbidden, message: "a session request that changes data needs the X-CSRF-Token header (the csrf value of the page), or use a Bearer token")
        }
    }
}
