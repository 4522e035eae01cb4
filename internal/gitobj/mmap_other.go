//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package gitobj

import "os"

// mapFile reads a file into memory where there is no mmap to map it with.
func mapFile(name string) ([]byte, func() error, error) {
	data, err := os.ReadFile(name)
	return data, func() error { return nil }, err
}

// dropPages does nothing where a pack is read into memory, not mapped.
func dropPages([]byte) {}
