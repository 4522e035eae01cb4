//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package gitobj

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// mapFile maps a file into memory read-only: reading a pack through the
// mapping costs no system call per object.
func mapFile(name string) ([]byte, func() error, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if fi.Size() == 0 || int64(int(fi.Size())) != fi.Size() {
		return nil, nil, &os.PathError{Op: "mmap", Path: name, Err: syscall.EINVAL}
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, &os.PathError{Op: "mmap", Path: name, Err: err}
	}
	return data, func() error { return syscall.Munmap(data) }, nil
}

// dropPages tells the kernel that the pages of a mapping read so far are
// not needed: they leave the process's resident memory and stay in the page
// cache, from which a later read maps them again. A walk touches most of a
// pack once, so without this its resident size grows by the pack's size.
// The syscall package has Madvise on linux only; x/sys has it everywhere.
func dropPages(data []byte) { _ = unix.Madvise(data, unix.MADV_DONTNEED) }
