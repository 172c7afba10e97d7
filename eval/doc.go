// Package eval scores tally's output against gold annotations.
//
// It is a port of the reference scorer ../shared/eval/score.py and keeps its definitions exactly, so that
// `tally eval` prints the same numbers as the reference without needing Python. The three scorers are
// ScoreClaims (score.py claims), ScoreIncidents (score.py incidents) and ScoreDocs (score.py docs). Each
// result has a JSON method that prints the same one-line JSON object as the last line of score.py's output,
// byte for byte, and a Text method that prints the human-readable lines that precede it.
//
// JSON input is read with Python's semantics where they decide a score: integers and floats are kept apart
// (a float count is truncated by int(), 17 and 17.0 are the same dictionary key), objects keep their keys in
// first-insertion order with the last duplicate value winning, a missing key is distinct from a null one,
// and lines are split as Python's text files split them. Where score.py would raise an exception, the Go
// functions return an error instead.
package eval
