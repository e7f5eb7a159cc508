/// <reference types="svelte" />
/// <reference types="vite/client" />

/** True only in the browser test's build, which swaps the Tauri IPC for a mock. */
declare const __JV_MOCK_IPC__: boolean;
