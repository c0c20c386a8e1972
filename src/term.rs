//! Colour and stream policy: `--color auto|always|never`, `NO_COLOR`, and TTY detection per
//! stream, decided once and handed to the reporters and to miette.
use std::io::IsTerminal;

use clap::ValueEnum;

/// The user's colour choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when the stream is a terminal and `NO_COLOR` is unset.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Which standard stream a decision is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

impl ColorChoice {
    /// Whether output on `stream` gets colour. `NO_COLOR` (any non-empty value, per
    /// no-color.org) wins over `auto` but not over an explicit `always`.
    pub fn enabled(self, stream: Stream) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                let tty = match stream {
                    Stream::Stdout => std::io::stdout().is_terminal(),
                    Stream::Stderr => std::io::stderr().is_terminal(),
                };
                tty && !no_color
            }
        }
    }
}

/// Installs the miette report handler for errors on stderr with the chosen colour.
pub fn install_error_handler(color: ColorChoice) {
    let colored = color.enabled(Stream::Stderr);
    let _ = miette::set_hook(Box::new(move |_| {
        let theme = if colored {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        Box::new(
            miette::MietteHandlerOpts::new()
                .graphical_theme(theme)
                .terminal_links(false)
                .build(),
        )
    }));
}
