//! The device's settings: backup and restore (`backup`), the storage the
//! browser keeps and how much is used (`storage_care`).

pub mod backup;
pub mod storage_care;
