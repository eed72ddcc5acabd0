//! Evaluation of extraction against gold annotations.
