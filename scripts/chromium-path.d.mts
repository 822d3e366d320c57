export declare const chromiumPath: string;
export declare const chromiumAvailable: () => boolean;
export declare const chromiumArgs: string[];
