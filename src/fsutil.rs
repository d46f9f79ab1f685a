//! Writing files so that an interrupted run loses nothing: every output goes to
//! a temporary file in the target's own directory and is renamed into place only
//! once complete, so the previous version stays intact until then. And reading
//! a big file whole, quickly.

use crate::error::{Error, Result};
use std::io::{BufWriter, Read, Write};
use std::path::Path;

/// Pieces smaller than this are read by one thread.
const READ_PIECE: usize = 32 << 20;

/// Reads a whole file. A big one is read in pieces side by side, one per
/// thread of rayon's pool: at hundreds of megabytes, copying out of the page
/// cache into fresh pages (which the kernel must first clear) took a quarter
/// of the time of loading a saved graph, on one core while the other waited.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    let io = |e| Error::io(path, e);
    let mut file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let mut buf = Vec::new();
    #[cfg(unix)]
    if let Ok(len) = usize::try_from(len)
        && len >= 2 * READ_PIECE
    {
        use rayon::prelude::*;
        use std::io::{Seek, SeekFrom};
        use std::os::unix::fs::FileExt;
        buf = vec![0; len];
        let piece = len.div_ceil(rayon::current_num_threads()).max(READ_PIECE);
        let read = buf
            .par_chunks_mut(piece)
            .enumerate()
            .try_for_each(|(i, chunk)| file.read_exact_at(chunk, (i * piece) as u64));
        match read {
            // Whatever was appended since the length was taken.
            Ok(()) => {
                file.seek(SeekFrom::Start(len as u64)).map_err(io)?;
            }
            // The file shrank meanwhile: read it again from the start.
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                buf.clear();
                file.rewind().map_err(io)?;
            }
            Err(e) => return Err(io(e)),
        }
    }
    file.read_to_end(&mut buf).map_err(io)?;
    Ok(buf)
}

/// Writes `path` atomically with what `fill` writes.
///
/// A path that is no regular file (`/dev/null`, `/dev/stdout`, a pipe) is
/// written straight into: renaming a temporary file over it would replace
/// the device with a file (run as root, `-o /dev/null` did so).
pub fn write_atomic(path: &Path, fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        let mut w = BufWriter::new(file);
        fill(&mut w).map_err(|e| Error::io(path, e))?;
        return w.flush().map_err(|e| Error::io(path, e));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".polgraph-").suffix(".tmp");
    // An ordinary file's permissions (less the umask), not a temporary file's 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    {
        let mut w = BufWriter::new(tmp.as_file());
        fill(&mut w).map_err(|e| Error::io(path, e))?;
        w.flush().map_err(|e| Error::io(path, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    /// A pipe (like `/dev/null` or `/dev/stdout`, no regular file) is written
    /// into and stays a pipe: a temporary file renamed over it replaced it.
    #[cfg(unix)]
    #[test]
    fn a_device_or_pipe_is_written_into_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out.fifo");
        if !std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            eprintln!("skipped: mkfifo is absent");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        super::write_atomic(&fifo, |w| w.write_all(b"through the pipe\n")).unwrap();
        // (First: were the pipe replaced, its reader would wait for ever.)
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(reader.join().unwrap(), "through the pipe\n");
    }

    use super::*;

    /// Big enough to be read in pieces, with every byte telling where it
    /// belongs, so a piece read to the wrong place shows.
    #[test]
    fn reads_a_big_file_in_pieces_whole_and_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.bin");
        let bytes: Vec<u8> = (0..2 * READ_PIECE + 12_345).map(|i| (i % 251) as u8).collect();
        std::fs::write(&p, &bytes).unwrap();
        assert!(read_file(&p).unwrap() == bytes);
        std::fs::write(&p, b"small").unwrap();
        assert_eq!(read_file(&p).unwrap(), b"small");
        let err = read_file(&dir.path().join("absent.json")).unwrap_err().to_string();
        assert!(err.contains("absent.json"), "{err}");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        write_atomic(&p, |w| w.write_all(b"old")).unwrap();
        let err = write_atomic(&p, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(err.unwrap_err().to_string().contains("disk full"));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "the temporary file is removed");
    }
}
