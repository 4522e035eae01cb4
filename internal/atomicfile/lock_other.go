//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package atomicfile

import "os"

// tryLock does not lock where flock is not available; see the package
// comment.
func tryLock(*os.File) (bool, error) { return true, nil }
