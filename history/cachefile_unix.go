//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package history

import (
	"fmt"
	"os"
	"syscall"
)

// openCacheFile opens the cache for reading as coach writes it: a regular
// file, not a link, owned by the user running coach and writable by no one
// else. Anything else is refused before a byte of it is read: a link to
// /dev/zero, a named pipe (opened without blocking, so it cannot hang the
// run), or a file another user could have put there, whose checksum proves
// nothing about who wrote it.
func openCacheFile(name string) (*os.File, os.FileInfo, error) {
	lfi, err := os.Lstat(name)
	if err != nil {
		return nil, nil, err
	}
	if err := cacheFileMode(lfi); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	// The file opened is the one checked, not one swapped in since.
	fi, err := f.Stat()
	if err == nil {
		err = cacheFileMode(fi)
	}
	if err == nil {
		if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Geteuid() {
			err = fmt.Errorf("owned by another user (uid %d), so coach cannot tell who wrote it", st.Uid)
		}
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}
