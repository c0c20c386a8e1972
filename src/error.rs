//! The one fatal error type of mlk. Every variant is a miette diagnostic with a `help:`
//! line, and the exit code of every failure is decided here.
use std::path::PathBuf;

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// A failure that stops a command. Lint findings are not errors: they are data.
#[derive(Debug, Error, Diagnostic)]
pub enum Error {
    /// A flag or argument value that fails validation.
    #[error("invalid value `{value}` for `{flag}`: {message}")]
    #[diagnostic(code(mlk::invalid_flag))]
    InvalidFlag {
        flag: String,
        value: String,
        message: String,
        #[help]
        help: String,
    },

    /// Flags that cannot be used together, or a required combination that is missing.
    #[error("{message}")]
    #[diagnostic(code(mlk::usage))]
    Usage {
        message: String,
        #[help]
        help: String,
    },

    /// A bad value inside an input file (job description, mlk.yaml, org.yaml), with its position.
    #[error(transparent)]
    #[diagnostic(transparent)]
    InvalidFile(Box<FileError>),

    /// The sizing formulas say the request cannot work.
    #[error("{message}")]
    #[diagnostic(code(mlk::sizing))]
    Sizing {
        message: String,
        #[help]
        help: String,
    },

    /// Reading or writing a file failed.
    #[error("cannot {action} `{}`: {source}", path.display())]
    #[diagnostic(code(mlk::io))]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
        #[help]
        help: String,
    },

    /// Writing the product to stdout failed.
    #[error("cannot write output: {0}")]
    #[diagnostic(
        code(mlk::output),
        help("check that the output stream is writable and the disk is not full")
    )]
    Output(#[from] std::io::Error),
}

impl Error {
    /// The process exit code for this failure: every fatal error is 2 (SPEC section 1).
    pub fn exit_code(&self) -> u8 {
        2
    }

    /// True when the failure is only the reader of stdout going away (`mlk ... | head`),
    /// which is not a failure at all.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }

    /// A flag error with its help line.
    pub fn flag(
        flag: impl Into<String>,
        value: impl Into<String>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Error::InvalidFlag {
            flag: flag.into(),
            value: value.into(),
            message: message.into(),
            help: help.into(),
        }
    }

    /// A usage error with its help line.
    pub fn usage(message: impl Into<String>, help: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
            help: help.into(),
        }
    }

    /// An I/O error on a named file.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        let help = match source.kind() {
            std::io::ErrorKind::NotFound => "check the path; it does not exist",
            std::io::ErrorKind::PermissionDenied => "check the file's permissions",
            _ => "check the path and try again",
        };
        Error::Io {
            action,
            path: path.into(),
            source,
            help: help.to_string(),
        }
    }
}

/// A bad value inside an input file, with the file's text for the snippet.
#[derive(Debug, Error, Diagnostic)]
#[error("{file}:{line}:{column}: {message}")]
#[diagnostic(code(mlk::invalid_file))]
pub struct FileError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[source_code]
    pub source_code: NamedSource<String>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: String,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
