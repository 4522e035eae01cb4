//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package history

import "os"

// openCacheFile opens the cache for reading: a regular file, not a link,
// writable by no one else, as far as this system tells.
func openCacheFile(name string) (*os.File, os.FileInfo, error) {
	lfi, err := os.Lstat(name)
	if err != nil {
		return nil, nil, err
	}
	if err := cacheFileMode(lfi); err != nil {
		return nil, nil, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err == nil {
		err = cacheFileMode(fi)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}
