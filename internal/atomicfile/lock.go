package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// ErrLocked means another process holds the lock that TryLock asked for.
var ErrLocked = errors.New("locked by another coach process")

// Lock takes an exclusive lock on path, a directory or a lock file (made
// when missing, and never removed: removing a lock file lets two processes
// hold "the" lock at once), waiting while another process holds it, until
// ctx is done. The lock is advisory: every coach process takes it, other
// programs do not. The kernel releases it when the process ends, however it
// ends, so a killed run never leaves a stale lock. unlock releases it.
func Lock(ctx context.Context, path string) (unlock func(), err error) {
	f, err := openLock(path)
	if err != nil {
		return nil, err
	}
	for wait := time.Millisecond; ; wait = min(2*wait, 50*time.Millisecond) {
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if ok {
			return func() { f.Close() }, nil
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(wait):
		}
	}
}

// TryLock is Lock without waiting: it fails with ErrLocked when another
// process holds the lock.
func TryLock(path string) (unlock func(), err error) {
	f, err := openLock(path)
	if err != nil {
		return nil, err
	}
	ok, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if !ok {
		f.Close()
		return nil, &fs.PathError{Op: "lock", Path: path, Err: ErrLocked}
	}
	return func() { f.Close() }, nil
}

func openLock(path string) (*os.File, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, Perm)
	}
	return f, err
}
