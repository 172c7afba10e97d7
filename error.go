package tally

import (
	"errors"
	"fmt"
)

// Error codes, shared by the CLI and the HTTP layer (which maps them to status codes).
const (
	EINVALID  = "invalid"   // bad input: unreadable, not UTF-8, empty, too large, malformed
	ENOTFOUND = "not_found" // no such document or incident
	ECONFLICT = "conflict"  // the operation clashes with what is stored
	EINTERNAL = "internal"  // a bug or an engine failure
	EFORBID   = "forbidden" // the caller may not do this
)

// Error is an application error with a code and a message meant for the user.
// Where says which input it concerns ("docs.jsonl:12"), when it concerns one.
type Error struct {
	Code    string
	Where   string
	Message string
}

// Error renders the error as one line: "where: message".
func (e *Error) Error() string {
	if e.Where != "" {
		return e.Where + ": " + e.Message
	}
	return e.Message
}

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is (or wraps) an *Error, EINTERNAL otherwise, "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}
