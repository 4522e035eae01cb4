// Package cycle builds the documents of the review cycle from what a
// coaching repository already holds: the people's skill files, their
// history (package history's changes, read by package workspace) and the
// matrix. A quarter's review of one person (review.go), the promotion case
// for a target role (promo.go) and the calibration packet a leader takes
// into the room (calibrate.go) are each a value built here and rendered by a
// template of package templates.
//
// cycle does no I/O: workspace gives it the people, the history records and
// the matrix, and the command files of cmd/coach write what it returns.
// Everything it builds is deterministic: the same inputs give the same
// bytes.
package cycle
