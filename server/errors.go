package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"tally"
)

// statusOf is the one table from tally error codes to HTTP statuses; a code
// not in it (EINTERNAL, or an error without a code) is a 500.
var statusOf = map[string]int{
	tally.ENOTFOUND: http.StatusNotFound,
	tally.EINVALID:  http.StatusBadRequest,
	tally.ECONFLICT: http.StatusConflict,
	tally.EFORBID:   http.StatusForbidden,
}

// codeTooLarge is the error code of a body over the limit (HTTP 413).
const codeTooLarge = "too_large"

// classify gives the HTTP status, the error code and the message a client
// may see for err. Internal errors are not described to the client.
func classify(err error) (status int, code, msg string) {
	var big *http.MaxBytesError
	if errors.As(err, &big) {
		return http.StatusRequestEntityTooLarge, codeTooLarge, "request body larger than " + itoa(int(big.Limit)) + " bytes"
	}
	code = tally.ErrorCode(err)
	status, ok := statusOf[code]
	if !ok {
		return http.StatusInternalServerError, tally.EINTERNAL, "internal error"
	}
	return status, code, err.Error()
}

// errorBody is the JSON of an API error.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// apiError answers an API request with err as JSON and its status.
func (s *server) apiError(w http.ResponseWriter, r *http.Request, err error) {
	status, code, msg := classify(err)
	if status >= 500 {
		s.log.Error("api", "path", r.URL.Path, "err", err)
	}
	writeJSONError(w, status, code, msg)
}

func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	var b errorBody
	b.Error.Code, b.Error.Message = code, msg
	writeJSON(w, status, b)
}

// writeJSON writes v as JSON; <, > and & are escaped (\u003c ...), so
// untrusted text cannot become markup even if the response is misread.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"internal error"}}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
	w.Write([]byte{'\n'})
}

func (s *server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	writeJSONError(w, http.StatusNotFound, tally.ENOTFOUND, "no such endpoint: "+r.Method+" "+r.URL.Path)
}

func itoa(n int) string { return strconv.Itoa(n) }
